using NodeManager.Core.Cloud;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Nodes;
using NodeManager.Core.Tests.Support;
using NodeManager.Testing;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>One step at a time against the simulated cloud: what each cloud answer turns into.</summary>
public sealed class NodeStepRunnerSpec : NodeStepRunnerSpecBase
{
    private Task<IReadOnlyList<IEvent>> RunAsync(NodeLifecycleState state, NodeStep step) =>
        World.Runner.RunAsync(state, step, Now, CancellationToken.None);

    /// <summary>Creates the server and lets its boot time pass.</summary>
    private async Task<NodeLifecycleState> BootedAsync(int attempt = 1)
    {
        var state = Requested(attempt);
        foreach (var e in await RunAsync(state, NodeStep.EnsureServer)) state = state.Apply(e);
        Time.Advance(Cloud.Options.BootTime);
        return state;
    }

    [Fact]
    public async Task NodeStepRunner_must_abort_a_launch_whose_server_went_to_ERROR_with_no_valid_host()
    {
        Cloud.Options.NoValidHost = true;
        var state = await BootedAsync();

        var failed = Assert.IsType<LaunchFailed>(Assert.Single(await RunAsync(state, NodeStep.PollServer)));

        Assert.Equal(LaunchOutcome.Abort, failed.Outcome);
        Assert.Equal($"boot d1_1: {SimulatedCloud.NoValidHostFault}", failed.Reason);
    }

    [Fact]
    public async Task NodeStepRunner_must_retry_a_launch_whose_server_went_to_ERROR_for_another_reason()
    {
        Cloud.Options.FailBoots = 2;
        var first = await BootedAsync(attempt: 1);
        var last = await BootedAsync(attempt: 2);

        var retry = Assert.IsType<LaunchFailed>(Assert.Single(await RunAsync(first, NodeStep.PollServer)));
        var fail = Assert.IsType<LaunchFailed>(Assert.Single(await RunAsync(last, NodeStep.PollServer)));

        Assert.Equal(LaunchOutcome.Retry, retry.Outcome);
        Assert.Equal("server d1_1 went to ERROR: Build of instance aborted: simulated boot failure", retry.Reason);
        Assert.Equal(LaunchOutcome.Fail, fail.Outcome);
    }

    [Fact]
    public async Task NodeStepRunner_must_wait_while_the_server_builds_and_report_it_booted_with_its_address()
    {
        var state = Requested();
        foreach (var e in await RunAsync(state, NodeStep.EnsureServer)) state = state.Apply(e);

        var building = await RunAsync(state, NodeStep.PollServer);
        Time.Advance(Cloud.Options.BootTime);
        var booted = Assert.IsType<ServerBooted>(Assert.Single(await RunAsync(state, NodeStep.PollServer)));

        Assert.Empty(building);
        Assert.Single(booted.Addresses);
        Assert.True(booted.AttachVolume);
    }

    [Fact]
    public async Task NodeStepRunner_must_adopt_a_server_of_the_same_name_instead_of_creating_another()
    {
        var state = Requested();
        var first = Assert.IsType<ServerCreated>(Assert.Single(await RunAsync(state, NodeStep.EnsureServer)));
        var again = Assert.IsType<ServerCreated>(Assert.Single(await RunAsync(state, NodeStep.EnsureServer)));

        Assert.Equal(first.ServerId, again.ServerId);
        Assert.Single(Cloud.Servers);
    }

    [Fact]
    public async Task NodeStepRunner_must_fail_a_boot_whose_server_disappeared()
    {
        var state = await BootedAsync();
        await Cloud.DeleteServerAsync(state.ServerId!, CancellationToken.None);
        Time.Advance(Cloud.Options.DeleteTime);

        var failed = Assert.IsType<LaunchFailed>(Assert.Single(await RunAsync(state, NodeStep.PollServer)));

        Assert.Equal(LaunchOutcome.Retry, failed.Outcome);
        Assert.Contains("disappeared while booting", failed.Reason);
    }

    [Fact]
    public async Task NodeStepRunner_must_clean_up_a_failed_launch_server_first_then_volume()
    {
        var state = await BootedAsync();
        var volume = await Cloud.CreateVolumeAsync(new VolumeSpec("d1-1.paas.test", 10, new Dictionary<string, string>()), CancellationToken.None);
        state = state.Apply(new VolumeCreated(volume.Id, Now)).Apply(new LaunchFailed("test", LaunchOutcome.Fail, Now));

        var whileServerLives = await RunAsync(state, NodeStep.CleanupLaunch);
        Assert.Empty(whileServerLives);
        Assert.Equal(CloudServerStatus.Deleting, Assert.Single(Cloud.Servers).Status);
        Assert.Single(Cloud.Volumes);

        Time.Advance(Cloud.Options.DeleteTime);
        Assert.Empty(await RunAsync(state, NodeStep.CleanupLaunch));
        Assert.Equal(CloudVolumeStatus.Deleting, Assert.Single(Cloud.Volumes).Status);

        Time.Advance(Cloud.Options.DeleteTime);
        Assert.IsType<LaunchCleanedUp>(Assert.Single(await RunAsync(state, NodeStep.CleanupLaunch)));
        Assert.Empty(Cloud.Servers);
        Assert.Empty(Cloud.Volumes);
    }

    [Fact]
    public async Task NodeStepRunner_must_rejoin_a_node_whose_server_exists_and_give_up_one_whose_server_is_gone()
    {
        var state = await BootedAsync();

        var rejoin = Assert.IsType<RejoinStarted>(Assert.Single(await RunAsync(state, NodeStep.VerifyServer)));
        await Cloud.DeleteServerAsync(state.ServerId!, CancellationToken.None);
        Time.Advance(Cloud.Options.DeleteTime);
        var lost = Assert.IsType<NodeLost>(Assert.Single(await RunAsync(state, NodeStep.VerifyServer)));

        Assert.Contains("joining it again", rejoin.Reason);
        Assert.Equal($"server d1_1 ({state.ServerId}) no longer exists", lost.Reason);
    }

    [Fact]
    public async Task NodeStepRunner_must_give_up_a_node_whose_server_is_being_deleted_instead_of_joining_it_again()
    {
        var state = await BootedAsync();
        await Cloud.DeleteServerAsync(state.ServerId!, CancellationToken.None);

        var lost = Assert.IsType<NodeLost>(Assert.Single(await RunAsync(state, NodeStep.VerifyServer)));

        Assert.Equal($"server d1_1 ({state.ServerId}) is being deleted", lost.Reason);
    }

    [Fact]
    public async Task NodeStepRunner_must_give_up_a_node_whose_server_went_to_ERROR_instead_of_joining_it_again()
    {
        Cloud.Options.FailBoots = 1;
        var state = await BootedAsync();

        var lost = Assert.IsType<NodeLost>(Assert.Single(await RunAsync(state, NodeStep.VerifyServer)));

        Assert.Equal($"server d1_1 ({state.ServerId}) went to ERROR: Build of instance aborted: simulated boot failure", lost.Reason);
    }

    [Theory]
    [InlineData(true, true, true, 1)]
    [InlineData(false, true, true, 0)]
    [InlineData(true, false, true, 0)]
    [InlineData(true, true, false, 0)]
    public async Task NodeStepRunner_must_add_a_DNS_record_only_when_the_profile_wants_one_the_cloud_has_DNS_and_the_node_an_address(
        bool profileDns, bool cloudDns, bool hasAddress, int records)
    {
        World.Profile = World.Profile with { Dns = new Profiles.DnsSettings(profileDns, "paas.test.", 300) };
        Cloud.Options.Dns = cloudDns;
        var joining = Requested()
            .Apply(new ServerCreated("srv-1", Now))
            .Apply(new ServerBooted(hasAddress ? ["10.0.0.2"] : [], false, Now));

        Assert.IsType<NodeAdded>(Assert.Single(await RunAsync(joining, NodeStep.AddToPlatform)));

        Assert.Equal(records, Cloud.DnsRecords.Count);
        Assert.Equal(records == 1, Cloud.Calls.Contains("ensure-dns d1-1.paas.test."));
    }
}
