using NodeManager.Core.Districts;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Controller;

/// <summary>
/// A district whose own journal write fails stops (Akka's rule), says so among the controller's not-ready reasons with
/// the sequence number at fault, and comes back from its journal after the entity's back-off, losing nothing journaled
/// and doubling nothing launched.
/// </summary>
public sealed class DistrictWriteFailureSpec : ControllerSpecBase
{
    [Fact]
    public async Task District_whose_journal_write_fails_must_name_the_write_while_down_and_come_back_from_its_journal()
    {
        var fault = new FailWriteOnce(3, DistrictSupervisorActor.PersistenceIdFor("d1"));
        await Journal.OnWrite.SetInterceptorAsync(fault);
        World.Paas.ScaleDemand("d1", 0);
        var host = StartController(minNodes: 1);

        // The entity starts the district again only once its back-off has run, on virtual time: until then it is down.
        // Both waits are bounded in virtual time, so a rule broken fails at once rather than after the real-time patience.
        var start = Time.GetUtcNow();
        AdvanceUntil(() => Reasons().Any(r => r.StartsWith("district d1: journal", StringComparison.Ordinal)) || Time.GetUtcNow() - start > TimeSpan.FromMinutes(5),
            () => $"the district named as failing (reasons: {string.Join("; ", Reasons())})");
        Assert.True(fault.Struck);
        Assert.Contains("district d1: journal write failed at sequence number 3: write 3 failed", Reasons());
        Assert.False(host.IsReady);

        AdvanceUntil(() => (host.IsReady && NodesIn(NodePhase.Active) == 1) || Time.GetUtcNow() - start > TimeSpan.FromMinutes(10),
            () => $"ready again with an Active node (reasons: {string.Join("; ", Reasons())}; nodes: {string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"))})");
        Assert.Empty(Reasons());
        Assert.Equal("d1-1.paas.test", Assert.Single(Nodes()).Name);
        Assert.Equal(1, ServersNamed("d1_1"));
        Assert.Single(World.Cloud.Servers);
    }

    private IReadOnlyList<string> Reasons() => Host!.NotReadyReasons;
}
