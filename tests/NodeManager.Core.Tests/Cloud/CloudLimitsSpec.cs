using NodeManager.Core.Cloud;

namespace NodeManager.Core.Tests.Cloud;

/// <summary>Quota headroom before a launch: one more node of the profile's size must fit in every quota.</summary>
public sealed class CloudLimitsSpec
{
    /// <summary>Room for exactly one node of 2 cores, 4096 MiB and a 10 GiB volume in every quota.</summary>
    private static readonly CloudLimits JustEnough = new(
        new QuotaUsage(10, 9), new QuotaUsage(20, 18), new QuotaUsage(51200, 47104), new QuotaUsage(10, 9), new QuotaUsage(100, 90));

    [Fact]
    public void CloudLimits_must_allow_a_launch_that_fits_every_quota_exactly()
    {
        Assert.Null(JustEnough.FirstExhausted(cores: 2, ramMb: 4096, volumeGb: 10));
    }

    [Fact]
    public void CloudLimits_must_refuse_a_launch_when_instances_are_short()
    {
        var limits = JustEnough with { Instances = new QuotaUsage(10, 10) };

        Assert.Equal("instances", limits.FirstExhausted(2, 4096, 10));
    }

    [Fact]
    public void CloudLimits_must_refuse_a_launch_when_cores_are_short()
    {
        Assert.Equal("cores", JustEnough.FirstExhausted(cores: 3, ramMb: 4096, volumeGb: 10));
    }

    [Fact]
    public void CloudLimits_must_refuse_a_launch_when_ram_is_short()
    {
        Assert.Equal("ram", JustEnough.FirstExhausted(cores: 2, ramMb: 4097, volumeGb: 10));
    }

    [Fact]
    public void CloudLimits_must_refuse_a_launch_when_volumes_are_short()
    {
        var limits = JustEnough with { Volumes = new QuotaUsage(10, 10) };

        Assert.Equal("volumes", limits.FirstExhausted(2, 4096, 10));
    }

    [Fact]
    public void CloudLimits_must_refuse_a_launch_when_volume_gigabytes_are_short()
    {
        Assert.Equal("gigabytes", JustEnough.FirstExhausted(cores: 2, ramMb: 4096, volumeGb: 11));
    }

    [Fact]
    public void CloudLimits_must_not_check_a_size_the_profile_does_not_state()
    {
        // Over quota (a quota lowered below what is in use): any check of these would refuse.
        var full = new CloudLimits(new QuotaUsage(10, 0), new QuotaUsage(20, 21), new QuotaUsage(512, 600), new QuotaUsage(5, 5), new QuotaUsage(50, 51));

        Assert.Null(full.FirstExhausted(cores: 0, ramMb: 0, volumeGb: 0));
    }

    [Fact]
    public void CloudLimits_must_treat_a_negative_limit_as_unlimited()
    {
        var unlimited = new CloudLimits(new QuotaUsage(-1, 500), new QuotaUsage(-1, 9000), new QuotaUsage(-1, 1 << 30), new QuotaUsage(-1, 500),
            new QuotaUsage(-1, 100_000));

        Assert.Null(unlimited.FirstExhausted(64, 262144, 2000));
        Assert.Null(CloudLimits.Unlimited.FirstExhausted(64, 262144, 2000));
        Assert.Equal(long.MaxValue, unlimited.Cores.Free);
    }

    [Fact]
    public void QuotaUsage_must_report_what_is_free_and_never_below_zero()
    {
        Assert.Equal(3, new QuotaUsage(10, 7).Free);
        Assert.Equal(0, new QuotaUsage(10, 12).Free);
        Assert.False(new QuotaUsage(10, 12).HasRoomFor(0));
        Assert.True(new QuotaUsage(10, 7).HasRoomFor(3));
        Assert.False(new QuotaUsage(10, 7).HasRoomFor(4));
        Assert.True(new QuotaUsage(0, 0).HasRoomFor(0));
        Assert.True(new QuotaUsage(-1, 0).IsUnlimited);
        Assert.False(new QuotaUsage(0, 0).IsUnlimited);
    }

    [Fact]
    public void CloudLimits_must_name_the_first_exhausted_resource_in_nova_then_cinder_order()
    {
        var none = new CloudLimits(new QuotaUsage(1, 1), new QuotaUsage(1, 1), new QuotaUsage(1, 1), new QuotaUsage(1, 1), new QuotaUsage(1, 1));

        Assert.Equal("instances", none.FirstExhausted(1, 1, 1));
        Assert.Equal("cores", (none with { Instances = QuotaUsage.Unlimited }).FirstExhausted(1, 1, 1));
        Assert.Equal("ram", (none with { Instances = QuotaUsage.Unlimited, Cores = QuotaUsage.Unlimited }).FirstExhausted(1, 1, 1));
        Assert.Equal("volumes", (none with { Instances = QuotaUsage.Unlimited, Cores = QuotaUsage.Unlimited, RamMb = QuotaUsage.Unlimited })
            .FirstExhausted(1, 1, 1));
    }

    [Fact]
    public void CloudLimits_must_count_how_many_nodes_fit_in_the_tightest_quota()
    {
        Assert.Equal(1, JustEnough.NodesThatFit(cores: 2, ramMb: 4096, volumeGb: 10));
        Assert.Equal(0, JustEnough.NodesThatFit(cores: 3, ramMb: 4096, volumeGb: 10));

        var limits = new CloudLimits(new QuotaUsage(10, 2), new QuotaUsage(20, 2), new QuotaUsage(51200, 0), new QuotaUsage(10, 3), new QuotaUsage(100, 35));
        Assert.Equal(8, limits.NodesThatFit(0, 0, 0));
        Assert.Equal(6, limits.NodesThatFit(cores: 3, ramMb: 0, volumeGb: 0));
        Assert.Equal(3, limits.NodesThatFit(cores: 0, ramMb: 16384, volumeGb: 0));
        Assert.Equal(7, limits.NodesThatFit(cores: 0, ramMb: 0, volumeGb: 1));
        Assert.Equal(4, limits.NodesThatFit(cores: 2, ramMb: 4096, volumeGb: 15));
    }

    [Fact]
    public void CloudLimits_must_fit_no_node_when_over_a_quota_and_any_number_when_unlimited()
    {
        var over = new CloudLimits(new QuotaUsage(10, 12), QuotaUsage.Unlimited, QuotaUsage.Unlimited, QuotaUsage.Unlimited, QuotaUsage.Unlimited);

        Assert.Equal(0, over.NodesThatFit(1, 1, 1));
        Assert.Equal(long.MaxValue, CloudLimits.Unlimited.NodesThatFit(64, 262144, 2000));
    }
}
