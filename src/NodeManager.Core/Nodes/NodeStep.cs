namespace NodeManager.Core.Nodes;

/// <summary>The next thing a node does, derived from its state alone by <see cref="NodeLifecycleRules.Next"/>.</summary>
public enum NodeStep
{
    None,
    BeginBoot,
    EnsureServer,
    PollServer,
    EnsureVolume,
    AttachVolume,
    AddToPlatform,
    PollReady,
    Deactivate,
    MoveGears,
    RemoveFromPlatform,
    DeleteResources,
    CleanupLaunch,
    VerifyServer,
}
