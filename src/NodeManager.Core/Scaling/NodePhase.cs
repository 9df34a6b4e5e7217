using System.Text.Json.Serialization;

namespace NodeManager.Core.Scaling;

/// <summary>The node lifecycle of ARCHITECTURE.md; Reclaimed, Failed and Aborted are terminal.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NodePhase>))]
public enum NodePhase
{
    Requested,
    Booting,
    VolumeAttaching,
    Joining,
    Active,
    Draining,
    Reclaiming,
    Reclaimed,
    Failed,
    Aborted,
}

public static class NodePhaseExtensions
{
    public static bool IsTerminal(this NodePhase phase) => phase is NodePhase.Reclaimed or NodePhase.Failed or NodePhase.Aborted;

    public static bool IsLaunching(this NodePhase phase) =>
        phase is NodePhase.Requested or NodePhase.Booting or NodePhase.VolumeAttaching or NodePhase.Joining;
}
