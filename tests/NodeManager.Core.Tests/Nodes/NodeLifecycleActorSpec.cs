using Akka.Actor;
using NodeManager.Core.Cloud;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Nodes;

public sealed class NodeLifecycleActorSpec : NodeLifecycleSpecBase
{
    [Fact]
    public void NodeLifecycle_must_boot_attach_join_and_become_Active_with_metadata_on_server_and_volume()
    {
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Active);

        var server = Assert.Single(World.Cloud.Servers);
        Assert.Equal("d1_1", server.Name);
        Assert.Equal("test-cluster", server.Metadata[CloudMetadata.Cluster]);
        Assert.Equal("d1", server.Metadata[CloudMetadata.District]);
        Assert.Equal("d1-1.paas.test", server.Metadata[CloudMetadata.Node]);
        var volume = Assert.Single(World.Cloud.Volumes);
        Assert.Equal(("d1-1.paas.test", CloudVolumeStatus.InUse, server.Id), (volume.Name, volume.Status, volume.AttachedTo));
        Assert.Equal("d1-1.paas.test", volume.Metadata[CloudMetadata.Node]);
        Assert.True(IsReady("d1-1.paas.test"));
        Assert.Equal(
            ["NodeRequested", "ServerRequested", "ServerCreated", "ServerBooted", "VolumeCreated", "VolumeAttached", "NodeAdded", "NodeJoined"],
            record.Latest!.History.Select(h => h.Event));
    }

    [Fact]
    public void NodeLifecycle_must_skip_the_volume_when_the_profile_has_none()
    {
        World.Profile = World.Profile with { Volume = VolumeSettings.None };
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Active);

        Assert.Single(World.Cloud.Servers);
        Assert.Empty(World.Cloud.Volumes);
        Assert.DoesNotContain(record.Latest!.History, h => h.State == nameof(NodePhase.VolumeAttaching));
    }

    [Fact]
    public void NodeLifecycle_must_drain_its_gears_then_reclaim_server_and_volume()
    {
        AddStaticNode();
        var (record, parent) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);
        AdvanceUntil(() => GearsOn("d1-1.paas.test") > 0, "gears on the node");

        parent.Tell(new NodeLifecycle.Drain("test", ["static-1.paas.test"]));
        AdvanceUntilPhase(record, NodePhase.Reclaimed);

        Assert.Empty(World.Cloud.Servers);
        Assert.Empty(World.Cloud.Volumes);
        Assert.Equal(5, GearsOn(Static.Host));
        Assert.Contains(record.Latest!.History, h => h.Event == "GearMoved");
        AwaitAssert(() => Assert.True(record.Stopped));
    }

    [Fact]
    public void NodeLifecycle_must_add_the_DNS_record_when_joining_and_remove_it_when_reclaimed()
    {
        World.Cloud.Options.Dns = true;
        World.Paas.ScaleDemand("d1", 0);
        World.Profile = World.Profile with { Dns = new DnsSettings(true, "paas.test.", 300) };
        var (record, parent) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);

        var dns = Assert.Single(World.Cloud.DnsRecords);
        Assert.Equal(("paas.test.", "d1-1.paas.test.", "A"), (dns.Zone, dns.Name, dns.Type));
        Assert.Equal(World.Cloud.Servers.Single().Addresses, dns.Records);

        parent.Tell(new NodeLifecycle.Drain("done", []));
        AdvanceUntilPhase(record, NodePhase.Reclaimed);

        Assert.Empty(World.Cloud.DnsRecords);
    }

    [Fact]
    public void NodeLifecycle_must_render_the_user_data_with_the_original_variables()
    {
        var spec = World.Runner.ServerSpecFor(NodeLifecycleState.Empty.Apply(
            new NodeLifecycle.NodeRequested("d1-1", "d1", "small", 1, "d1_1", "d1-1.paas.test", Time.GetUtcNow())));

        Assert.Equal("#cloud-config\nhostname: d1-1\nfqdn: d1-1.paas.test\n", spec.UserData);
    }

    [Fact]
    public void NodeLifecycle_must_refuse_to_drain_a_node_that_is_not_Active()
    {
        var (record, parent) = StartNode();

        parent.Tell(new NodeLifecycle.Drain("too early", []));

        AwaitAssert(() => Assert.Single(record.Refusals));
        Assert.Contains("not Active", record.Refusals.Single().Reason);
    }

    [Fact]
    public void NodeLifecycle_must_delete_a_server_that_went_to_ERROR_and_retry()
    {
        World.Cloud.Options.FailBoots = 1;
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Active);

        Assert.Single(World.Cloud.Servers);
        Assert.Contains(record.Latest!.History, h => h.Event == "LaunchFailed" && h.Detail!.StartsWith("retry", StringComparison.Ordinal));
        Assert.Equal(2, record.Latest.History.Count(h => h.Event == "ServerCreated"));
    }

    [Fact]
    public void NodeLifecycle_must_fail_after_its_launch_retries_and_leave_nothing_behind()
    {
        World.Cloud.Options.FailBoots = 10;
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Failed);

        AdvanceUntil(() => World.Cloud.Servers.Count == 0 && World.Cloud.Volumes.Count == 0, "nothing left");
        Assert.Equal(2, record.Latest!.History.Count(h => h.Event == "ServerRequested" || h.Event == "LaunchCleanedUp" && h.State == "Booting"));
        Assert.Contains("ERROR", record.Latest.LastError);
    }

    [Fact]
    public void NodeLifecycle_must_abort_on_quota_exceeded_and_report_a_cloud_wide_exhaustion()
    {
        World.Cloud.Options.InstanceQuota = 0;
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Aborted);

        var abort = Assert.Single(record.Aborts);
        Assert.Equal(ExhaustionScope.Cloud, abort.Scope);
        Assert.Contains("Quota exceeded for instances", abort.Reason);
        Assert.Empty(World.Cloud.Servers);
    }

    [Fact]
    public void NodeLifecycle_must_abort_on_no_valid_host_and_report_a_district_exhaustion()
    {
        World.Cloud.Options.NoValidHost = true;
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Aborted);

        Assert.Equal(ExhaustionScope.District, Assert.Single(record.Aborts).Scope);
        Assert.Contains("No valid host", record.Latest!.LastError);
    }

    [Fact]
    public void NodeLifecycle_must_abort_and_clean_up_when_the_volume_quota_is_reached()
    {
        World.Cloud.Options.VolumeQuota = 0;
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Aborted);

        AdvanceUntil(() => World.Cloud.Servers.Count == 0, "the server built before the volume to be deleted");
        Assert.Equal(ExhaustionScope.Cloud, Assert.Single(record.Aborts).Scope);
    }

    [Fact]
    public void NodeLifecycle_must_retry_transient_cloud_errors_without_failing()
    {
        World.Cloud.Options.TransientFaults = 3;
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Active);

        Assert.DoesNotContain(record.Latest!.History, h => h.Event == "LaunchFailed");
        Assert.Single(World.Cloud.Servers);
    }

    [Fact]
    public void NodeLifecycle_must_retry_a_boot_that_times_out_then_fail_and_delete_the_server()
    {
        World.Cloud.Options.BootTime = TimeSpan.FromHours(1);
        World.Lifecycle = World.Lifecycle with { BootTimeout = TimeSpan.FromMinutes(2) };
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Failed);

        AdvanceUntil(() => World.Cloud.Servers.Count == 0, "no server");
        Assert.Equal(2, record.Latest!.History.Count(h => h.Event == "LaunchFailed"));
        Assert.Contains("boot timeout", record.Latest.LastError);
    }

    [Fact]
    public void NodeLifecycle_must_fail_and_clean_up_when_the_node_never_joins()
    {
        World.Lifecycle = World.Lifecycle with { JoinTimeout = TimeSpan.FromMinutes(2) };
        World.Platform = new NeverReadyPlatform(World.Paas);
        World.Paas.ScaleDemand("d1", 0); // a node that never joined never got gears
        var (record, _) = StartNode();

        AdvanceUntilPhase(record, NodePhase.Failed);

        AdvanceUntil(() => World.Cloud.Servers.Count == 0 && World.Cloud.Volumes.Count == 0, "nothing left");
        Assert.Contains("join timeout", record.Latest!.LastError);
        Assert.False(IsReady("d1-1.paas.test"));
    }

    [Fact]
    public void NodeLifecycle_must_stay_Draining_and_alert_when_gears_cannot_move_and_keep_its_server()
    {
        World.Lifecycle = World.Lifecycle with { DrainTimeout = TimeSpan.FromMinutes(2) };
        var (record, parent) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);
        AdvanceUntil(() => GearsOn("d1-1.paas.test") > 0, "gears on the node");

        parent.Tell(new NodeLifecycle.Drain("no room anywhere", []));
        AdvanceUntil(() => record.Latest?.Alerting == true, "the drain alert");
        Scheduler.Advance(TimeSpan.FromMinutes(10));

        AwaitAssert(() => Assert.Equal(NodePhase.Draining, record.Latest!.Phase));
        Assert.Equal(1, ServersNamed("d1_1"));
        Assert.Contains("drain timeout", record.Latest!.LastError);
    }

    [Fact]
    public async Task NodeLifecycle_must_rejoin_an_Active_node_the_platform_forgot_when_its_server_still_exists()
    {
        World.Paas.ScaleDemand("d1", 0);
        var (record, parent) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);
        await World.Paas.RemoveNodeAsync(new PlatformNode("d1", "small", "d1-1.paas.test"), CancellationToken.None);

        parent.Tell(NodeLifecycle.Verify.Instance);
        AdvanceUntil(() => record.Latest!.History.Any(h => h.Event == "RejoinStarted") && record.Latest.Phase == NodePhase.Active, "rejoined");

        Assert.True(IsReady("d1-1.paas.test"));
        Assert.Equal(1, ServersNamed("d1_1"));
    }

    [Fact]
    public async Task NodeLifecycle_must_give_up_an_Active_node_whose_server_vanished_and_delete_its_volume()
    {
        // What a restart against a cloud and a platform that forgot everything looks like.
        World.Paas.ScaleDemand("d1", 0);
        var (record, parent) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);
        await World.Cloud.DeleteServerAsync(record.Latest!.ServerId!, CancellationToken.None);
        await World.Paas.RemoveNodeAsync(new PlatformNode("d1", "small", "d1-1.paas.test"), CancellationToken.None);
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        parent.Tell(NodeLifecycle.Verify.Instance);
        AdvanceUntilPhase(record, NodePhase.Failed);

        AdvanceUntil(() => World.Cloud.Volumes.Count == 0, "the orphaned volume deleted");
        Assert.Contains("no longer exists", record.Latest!.LastError);
    }

    /// <summary>A platform whose nodes never report ready.</summary>
    private sealed class NeverReadyPlatform(IPlatform inner) : IPlatform
    {
        public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) => inner.AddNodeAsync(node, cancellationToken);

        public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) => inner.DeactivateNodeAsync(node, cancellationToken);

        public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken) => inner.ListGearsAsync(node, cancellationToken);

        public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) =>
            inner.MoveGearAsync(node, gear, targetHost, cancellationToken);

        public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) => inner.RemoveNodeAsync(node, cancellationToken);
    }
}
