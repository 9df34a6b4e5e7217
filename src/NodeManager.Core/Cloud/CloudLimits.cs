namespace NodeManager.Core.Cloud;

/// <summary>The project's absolute limits and usage, as one quota per resource.</summary>
public sealed record CloudLimits(
    QuotaUsage Instances,
    QuotaUsage Cores,
    QuotaUsage RamMb,
    QuotaUsage Volumes,
    QuotaUsage VolumeGigabytes)
{
    /// <summary>No limits at all: what a cloud that cannot report limits returns.</summary>
    public static CloudLimits Unlimited { get; } = new(QuotaUsage.Unlimited, QuotaUsage.Unlimited, QuotaUsage.Unlimited,
        QuotaUsage.Unlimited, QuotaUsage.Unlimited);

    /// <summary>
    /// The first resource that has no room for one more node of the given size, or null when there is room.
    /// Cores and RAM are only checked when the caller knows the flavor's size (non-zero).
    /// </summary>
    public string? FirstExhausted(int cores, int ramMb, int volumeGb)
    {
        if (!Instances.HasRoomFor(1)) return "instances";
        if (cores > 0 && !Cores.HasRoomFor(cores)) return "cores";
        if (ramMb > 0 && !RamMb.HasRoomFor(ramMb)) return "ram";
        if (volumeGb > 0 && !Volumes.HasRoomFor(1)) return "volumes";
        if (volumeGb > 0 && !VolumeGigabytes.HasRoomFor(volumeGb)) return "gigabytes";
        return null;
    }

    /// <summary>These limits with <paramref name="reserved"/> counted as used.</summary>
    public CloudLimits Reserve(Reservation reserved) => new(
        Instances.Reserve(reserved.Instances),
        Cores.Reserve(reserved.Cores),
        RamMb.Reserve(reserved.RamMb),
        Volumes.Reserve(reserved.Volumes),
        VolumeGigabytes.Reserve(reserved.VolumeGigabytes));

    /// <summary>
    /// How many nodes of the given size fit in every quota at once (<see cref="long.MaxValue"/> when none limits them);
    /// sizes of zero are not checked, as in <see cref="FirstExhausted"/>. Caps how many launches one decision asks for.
    /// </summary>
    public long NodesThatFit(int cores, int ramMb, int volumeGb)
    {
        var fit = Instances.Free;
        if (cores > 0) fit = Math.Min(fit, Cores.TimesRoomFor(cores));
        if (ramMb > 0) fit = Math.Min(fit, RamMb.TimesRoomFor(ramMb));
        if (volumeGb > 0) fit = Math.Min(fit, Math.Min(Volumes.Free, VolumeGigabytes.TimesRoomFor(volumeGb)));
        return fit;
    }
}

/// <summary>What launches in flight will take: their usage is not in limits read before their servers and volumes existed.</summary>
public sealed record Reservation(int Instances, long Cores, long RamMb, int Volumes, long VolumeGigabytes)
{
    public static Reservation None { get; } = new(0, 0, 0, 0, 0);

    public Reservation Add(Reservation other) => new(
        Instances + other.Instances, Cores + other.Cores, RamMb + other.RamMb, Volumes + other.Volumes, VolumeGigabytes + other.VolumeGigabytes);
}

/// <summary>One quota; a negative <see cref="Limit"/> means unlimited (OpenStack's -1).</summary>
public sealed record QuotaUsage(long Limit, long Used)
{
    public static QuotaUsage Unlimited { get; } = new(-1, 0);

    public bool IsUnlimited => Limit < 0;

    public long Free => IsUnlimited ? long.MaxValue : Math.Max(0, Limit - Used);

    public bool HasRoomFor(long amount) => IsUnlimited || Limit - Used >= amount;

    public QuotaUsage Reserve(long amount) => amount == 0 ? this : this with { Used = Used + amount };

    /// <summary>How many times <paramref name="amount"/> (positive) fits in what is free.</summary>
    public long TimesRoomFor(long amount) => IsUnlimited ? long.MaxValue : Free / amount;
}
