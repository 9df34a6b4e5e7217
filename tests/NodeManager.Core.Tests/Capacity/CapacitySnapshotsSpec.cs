using System.Collections.Immutable;
using NodeManager.Core.Capacity;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Capacity;

/// <summary>How the platform's document and the districts' own state become the policy's input.</summary>
public sealed class CapacitySnapshotsSpec
{
    private static readonly CapacityDocument Document = new(
        [new DistrictCapacity("d1", "small", 6000, 1200), new DistrictCapacity("d2", "large", 100, 100)],
        [
            new NodeCapacity("d1-1.paas.test", "d1", "small", 30, 100, true),
            new NodeCapacity("d1-2.paas.test", "d1", "small", 10, 100, true),
            new NodeCapacity("static-1.paas.test", "d1", "small", 50, 80, true),
            new NodeCapacity("static-2.paas.test", "d1", "small", 0, 80, false),
            new NodeCapacity("d2-1.paas.test", "d2", "large", 5, 50, true),
        ]);

    private static NodeView View(string host, NodePhase phase, int index, DateTimeOffset? activeSince = null) =>
        new($"d1-{index}", host, $"d1_{index}", "d1", "small", index, phase, null, null, null, false, activeSince, []);

    private static DistrictView DistrictViewOf(DistrictState state, params NodeView[] nodes) =>
        new("d1", "small", DistrictSettings.Default, nodes, [], state, [], true);

    private static readonly DistrictState D1 = new DistrictState("d1") with
    {
        LastScaleUpAt = T0.AddMinutes(-3),
        LastScaleDownAt = T0.AddMinutes(-9),
        Backoff = new BackoffState("No valid host", T0.AddMinutes(-1), T0.AddMinutes(4), 1),
    };

    private static readonly IReadOnlyDictionary<string, DistrictView> Views = new Dictionary<string, DistrictView>
    {
        ["d1"] = DistrictViewOf(D1,
            View("d1-1.paas.test", NodePhase.Active, 1, T0.AddHours(-2)),
            View("d1-2.paas.test", NodePhase.Draining, 2),
            View("d1-3.paas.test", NodePhase.Booting, 3)),
    };

    private static DistrictsSettings Settings(bool paused = false, params string[] protectedHosts) => new(
        DistrictSettings.Default,
        new Dictionary<string, DistrictSettings> { ["d1"] = new(2, 7, protectedHosts, paused) });

    // A district publishes the settings it scales by: here the file's, as no operator overrode them.
    private static DistrictSnapshot D1Snapshot(DistrictsSettings settings) =>
        CapacitySnapshots.Build(Document, new Dictionary<string, DistrictView> { ["d1"] = Views["d1"] with { Settings = settings.For("d1") } },
            settings, PolicyMemory.Empty, null).Districts.Single(d => d.Name == "d1");

    [Fact]
    public void CapacitySnapshots_must_decide_with_the_settings_the_district_publishes_over_the_file_s()
    {
        var effective = new DistrictSettings(3, 4, ["d1-2.paas.test"], Paused: true);
        var views = new Dictionary<string, DistrictView> { ["d1"] = Views["d1"] with { Settings = effective } };

        var d1 = CapacitySnapshots.Build(Document, views, Settings(), PolicyMemory.Empty, null).Districts.Single(d => d.Name == "d1");

        Assert.Equal((3, 4, true), (d1.MinNodes, d1.MaxNodes, d1.Paused));
        Assert.Equal(["d1-2.paas.test"], d1.Nodes.Where(n => n.ScaleInProtected).Select(n => n.Name));
    }

    [Fact]
    public void CapacitySnapshots_must_carry_each_districts_bounds_uids_cooldowns_and_backoff()
    {
        var d1 = D1Snapshot(Settings());

        Assert.Equal(("small", 6000, 1200, 2, 7), (d1.Profile, d1.UidCapacity, d1.UidsAllocated, d1.MinNodes, d1.MaxNodes));
        Assert.Equal(D1.LastScaleUpAt, d1.LastScaleUpAt);
        Assert.Equal(D1.LastScaleDownAt, d1.LastScaleDownAt);
        Assert.Equal(D1.Backoff, d1.Backoff);
        Assert.False(d1.Paused);
    }

    [Fact]
    public void CapacitySnapshots_must_mark_a_paused_district()
    {
        Assert.True(D1Snapshot(Settings(paused: true)).Paused);
    }

    [Fact]
    public void CapacitySnapshots_must_mark_scale_in_protected_nodes_reported_or_not()
    {
        var d1 = D1Snapshot(Settings(false, "d1-1.paas.test", "d1-3.paas.test"));

        Assert.Equal(["d1-1.paas.test", "d1-3.paas.test"], d1.Nodes.Where(n => n.ScaleInProtected).Select(n => n.Name).Order());
    }

    [Fact]
    public void CapacitySnapshots_must_merge_reported_nodes_with_the_phases_the_district_knows()
    {
        var d1 = D1Snapshot(Settings());

        var byName = d1.Nodes.ToDictionary(n => n.Name);
        Assert.Equal(5, byName.Count);
        Assert.Equal(new NodeSnapshot("d1-1.paas.test", 30, 100, true, NodePhase.Active, false, T0.AddHours(-2)), byName["d1-1.paas.test"]);
        Assert.Equal(new NodeSnapshot("d1-2.paas.test", 10, 100, true, NodePhase.Draining), byName["d1-2.paas.test"]);
        Assert.Equal(new NodeSnapshot("static-1.paas.test", 50, 80, true), byName["static-1.paas.test"]);
        Assert.Equal(new NodeSnapshot("static-2.paas.test", 0, 80, false), byName["static-2.paas.test"]);
        Assert.Equal(new NodeSnapshot("d1-3.paas.test", 0, 0, false, NodePhase.Booting), byName["d1-3.paas.test"]);
    }

    [Fact]
    public void CapacitySnapshots_must_keep_districts_the_controller_has_no_view_of()
    {
        var snapshot = CapacitySnapshots.Build(Document, Views, Settings(), PolicyMemory.Empty, null);

        var d2 = snapshot.Districts.Single(d => d.Name == "d2");
        Assert.Equal(0, d2.FreeUids);
        Assert.Equal([new NodeSnapshot("d2-1.paas.test", 5, 50, true)], d2.Nodes);
        Assert.Null(d2.Backoff);
        Assert.Null(d2.LastScaleUpAt);
        Assert.Equal((0, 100), (d2.MinNodes, d2.MaxNodes));
    }

    [Fact]
    public void CapacitySnapshots_must_pass_the_cloud_backoff_and_memory_through()
    {
        var cloud = new BackoffState("Quota exceeded for instances", T0, T0.AddMinutes(5), 2);
        var memory = PolicyMemory.Empty with { HotSince = ImmutableDictionary<string, DateTimeOffset>.Empty.Add("small", T0) };

        var snapshot = CapacitySnapshots.Build(Document, Views, Settings(), memory, cloud);

        Assert.Same(cloud, snapshot.CloudBackoff);
        Assert.Same(memory, snapshot.Memory);
        Assert.Equal(["d1", "d2"], snapshot.Districts.Select(d => d.Name));
    }

    [Fact]
    public void CapacitySnapshots_must_offer_as_drain_targets_only_responding_unmanaged_or_Active_hosts()
    {
        var hosts = CapacitySnapshots.ServingHosts(Document, "d1", Views["d1"]);

        Assert.Equal(["d1-1.paas.test", "static-1.paas.test"], hosts);
        Assert.Equal(["d1-1.paas.test", "d1-2.paas.test", "static-1.paas.test"], CapacitySnapshots.ServingHosts(Document, "d1", null));
        Assert.Equal(["d2-1.paas.test"], CapacitySnapshots.ServingHosts(Document, "d2", null));
    }
}
