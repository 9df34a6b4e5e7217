namespace NodeManager.Core.Districts;

/// <summary>An operator's pause or resume that overrides the file's <c>paused</c> until an action sets it back.</summary>
public sealed record PausedOverride(bool Paused, string By, string? Reason, DateTimeOffset At);

/// <summary>An operator's run-time bounds that override the file's <c>min-nodes</c> and <c>max-nodes</c> until cleared.</summary>
public sealed record BoundsOverride(int MinNodes, int MaxNodes, string By, string? Reason, DateTimeOffset At);

/// <summary>An operator's scale-in protection of one host, beside the file's <c>scale-in-protected</c>.</summary>
public sealed record NodeProtection(string By, string? Reason, DateTimeOffset At);

/// <summary>One operator action as the district remembers it (its last few, newest last): what, on whom, by which token, why, when.</summary>
public sealed record OperatorActionRecord(string Action, string Target, string By, string? Reason, DateTimeOffset At);
