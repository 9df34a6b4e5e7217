namespace NodeManager.Simulators.OpenStack.State;

/// <summary>A simulated Nova server. Status is derived from timestamps on the simulator's clock, so no timer drives it.</summary>
internal sealed class SimServer
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required SimFlavor Flavor { get; init; }
    public required string ImageId { get; init; }
    public string? KeyName { get; init; }
    public required string AvailabilityZone { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public required IReadOnlyList<string> SecurityGroups { get; init; }
    public required DateTimeOffset Created { get; init; }
    /// <summary>When BUILD ends; null = never boots.</summary>
    public DateTimeOffset? ReadyAt { get; init; }
    /// <summary>Set in no-valid-host mode: the server goes ERROR with this fault message at <see cref="ReadyAt"/>.</summary>
    public string? FaultMessage { get; init; }
    public DateTimeOffset? DeleteAt { get; set; }
    public required string FixedIp { get; init; }
    public required int Index { get; init; }
    public List<SimAttachment> Attachments { get; } = [];

    public bool IsGone(DateTimeOffset now) => DeleteAt <= now;

    public string Status(DateTimeOffset now) =>
        ReadyAt is { } ready && ready <= now ? (FaultMessage is null ? "ACTIVE" : "ERROR") : "BUILD";
}

internal sealed record SimAttachment(string VolumeId, string Device, string AttachmentId, string BdmId);
