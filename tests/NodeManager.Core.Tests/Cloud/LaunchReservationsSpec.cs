using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Nodes;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;

namespace NodeManager.Core.Tests.Cloud;

public sealed class LaunchReservationsSpec
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProfileSettings Small = new("small", "centos", "m1.small")
    {
        Cores = 2,
        RamMb = 4096,
        Volume = new VolumeSettings(true, 10, null, "/dev/vdb"),
    };

    [Fact]
    public void Reservations_must_count_nodes_without_a_server_and_nodes_launched_after_the_limits_were_read()
    {
        var nodes = new[]
        {
            Node("old-active", NodePhase.Active, server: "s1", volume: "v1", launched: ReadAt.AddMinutes(-5)),
            Node("booting", NodePhase.Booting, server: null, volume: null, launched: ReadAt.AddMinutes(-5)),
            Node("new-active", NodePhase.Active, server: "s3", volume: "v3", launched: ReadAt.AddMinutes(1)),
            Node("attaching", NodePhase.VolumeAttaching, server: "s4", volume: null, launched: ReadAt.AddMinutes(-1)),
            Node("leaving", NodePhase.Draining, server: null, volume: null, launched: ReadAt.AddMinutes(1)),
        };

        var reserved = LaunchReservations.Of(nodes, ["small"], ReadAt, _ => Small);

        // booting, new-active and the unstarted launch need a server; those three and attaching a volume.
        Assert.Equal(new Reservation(3, 6, 3 * 4096, 4, 40), reserved);
    }

    [Fact]
    public void Limits_must_fit_no_more_nodes_than_the_scarcest_resource_allows_once_reservations_count()
    {
        var limits = new CloudLimits(new QuotaUsage(10, 2), new QuotaUsage(20, 4), new QuotaUsage(-1, 0), new QuotaUsage(10, 0), new QuotaUsage(100, 50));

        var reserved = limits.Reserve(new Reservation(1, 2, 0, 1, 10));

        Assert.Equal(7, reserved.Instances.Free);
        Assert.Equal(7, reserved.NodesThatFit(cores: 2, ramMb: 4096, volumeGb: 0));
        Assert.Equal(4, reserved.NodesThatFit(cores: 2, ramMb: 4096, volumeGb: 10));
        Assert.Equal(3, reserved.NodesThatFit(cores: 4, ramMb: 0, volumeGb: 0));
        Assert.Equal("cores", reserved.Reserve(new Reservation(0, 14, 0, 0, 0)).FirstExhausted(2, 0, 0));
    }

    private static NodeView Node(string host, NodePhase phase, string? server, string? volume, DateTimeOffset launched) =>
        new(host, host, host, "d1", "small", 1, phase, server, volume, null, false, null,
            [new NodeHistoryEntry(launched, "Requested", "NodeRequested", null)]);
}
