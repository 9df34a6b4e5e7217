using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>
/// The cloud is one for the whole cluster: a cloud-wide exhaustion raised by a district on one member holds back
/// launches of every member's districts, and the watcher wherever it runs, through the district views members share.
/// </summary>
public sealed class CloudBackoffAcrossMembersSpec
{
    private const string Self = "akka.tcp://nodemanager@127.0.0.1:2551";
    private const string Other = "akka.tcp://nodemanager@127.0.0.1:2552";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static DistrictView ViewHolding(string district, ExhaustionScope scope, BackoffState backoff) =>
        new(district, "small", DistrictSettings.Default, [], [], new DistrictState(district) { Backoff = backoff, BackoffScope = scope }, [], true);

    private static ControllerBoard BoardWith(params (string Owner, DistrictView View)[] districts)
    {
        var board = new ControllerBoard { LocalMember = Self };
        foreach (var (owner, view) in districts)
        {
            board.Districts[view.Name] = view;
            board.Owners[view.Name] = owner;
        }

        return board;
    }

    private static BackoffState Backoff(string message, TimeSpan left) => new(message, Now, Now + left, 1);

    [Fact]
    public void A_cloud_backoff_raised_on_another_member_must_hold_this_members_launches()
    {
        var quota = Backoff("Quota exceeded for instances", TimeSpan.FromMinutes(5));
        var board = BoardWith((Other, ViewHolding("d1", ExhaustionScope.Cloud, quota)));

        Assert.Equal(quota, board.CloudBackoff);
    }

    [Fact]
    public void A_district_backoff_on_another_member_must_stay_that_districts_own()
    {
        var board = BoardWith((Other, ViewHolding("d1", ExhaustionScope.District, Backoff("No valid host", TimeSpan.FromMinutes(5)))));

        Assert.Null(board.CloudBackoff);
    }

    [Fact]
    public void This_members_own_views_must_not_keep_a_cloud_backoff_it_cleared()
    {
        var board = BoardWith((Self, ViewHolding("d1", ExhaustionScope.Cloud, Backoff("Quota exceeded", TimeSpan.FromMinutes(5)))));

        Assert.Null(board.CloudBackoff);
    }

    [Fact]
    public void The_longer_of_the_local_and_the_remote_cloud_backoffs_must_win()
    {
        var remote = Backoff("Quota exceeded for cores", TimeSpan.FromMinutes(20));
        var board = BoardWith((Other, ViewHolding("d1", ExhaustionScope.Cloud, remote)));
        board.LocalMember = null; // raise without seeing the remote one first, as before it arrived
        var local = board.RaiseCloudBackoff("Quota exceeded for instances", Now, ScalingSettings.Default);
        board.LocalMember = Self;

        Assert.True(remote.RetryAt > local.RetryAt);
        Assert.Equal(remote, board.CloudBackoff);
    }

    [Fact]
    public void Raising_while_another_member_holds_an_active_cloud_backoff_must_not_start_a_second_one()
    {
        var remote = Backoff("Quota exceeded for instances", TimeSpan.FromMinutes(5));
        var board = BoardWith((Other, ViewHolding("d1", ExhaustionScope.Cloud, remote)));

        var raised = board.RaiseCloudBackoff("Quota exceeded for instances", Now.AddMinutes(1), ScalingSettings.Default);

        Assert.Equal(remote, raised);
    }

    [Fact]
    public void A_remote_cloud_backoff_that_ran_out_must_not_hold_a_new_raise_back()
    {
        var expired = Backoff("Quota exceeded for instances", TimeSpan.FromMinutes(5));
        var board = BoardWith((Other, ViewHolding("d1", ExhaustionScope.Cloud, expired)));
        var later = Now.AddMinutes(6);

        var raised = board.RaiseCloudBackoff("Quota exceeded for cores", later, ScalingSettings.Default);

        Assert.Equal("Quota exceeded for cores", raised.Message);
        Assert.True(raised.IsActive(later));
    }
}
