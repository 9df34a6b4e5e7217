namespace NodeManager.Simulators.OpenStack.State;

/// <summary>A simulated Cinder volume: creating → available (or error) → attaching → in-use; deleting → gone.</summary>
internal sealed class SimVolume
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public required int Size { get; init; }
    public required string VolumeType { get; init; }
    public required string AvailabilityZone { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset ReadyAt { get; init; }
    public bool FailsToCreate { get; init; }
    public string? ServerId { get; set; }
    public string? Device { get; set; }
    public string? AttachmentId { get; set; }
    public DateTimeOffset? AttachedAt { get; set; }
    public DateTimeOffset? DeleteAt { get; set; }

    public bool IsGone(DateTimeOffset now) => DeleteAt <= now;

    public string Status(DateTimeOffset now)
    {
        if (DeleteAt is not null) return "deleting";
        if (now < ReadyAt) return "creating";
        if (FailsToCreate) return "error";
        if (ServerId is not null) return now < AttachedAt ? "attaching" : "in-use";
        return "available";
    }
}
