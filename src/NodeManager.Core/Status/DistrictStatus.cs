namespace NodeManager.Core.Status;

/// <summary>
/// One district as the management endpoint shows it. A stable JSON shape (v1). <see cref="Owner"/> is the address of
/// the cluster member that drives it (<c>akka.tcp://name@host:port</c>), null when unknown. <see cref="MinNodes"/>,
/// <see cref="MaxNodes"/> and <see cref="Paused"/> are the values it scales by; <see cref="Overrides"/> says which of them an
/// operator set over the file's.
/// </summary>
public sealed record DistrictStatus(
    string Name,
    string Profile,
    int MinNodes,
    int MaxNodes,
    bool Paused,
    IReadOnlyDictionary<string, int> NodesByState,
    double? Utilisation,
    DecisionStatus? LastDecision,
    IReadOnlyList<ConditionStatus> Conditions,
    string? Owner = null,
    IReadOnlyList<OverrideStatus>? Overrides = null)
{
    /// <summary>The utilisation (percent) at or above which the district scales up; null when not known.</summary>
    public double? HighWaterMark { get; init; }

    /// <summary>The utilisation (percent) at or below which it scales down; null when not known.</summary>
    public double? LowWaterMark { get; init; }
}

/// <summary>
/// A setting an operator overrides at run time until cleared: <c>paused</c> (value <c>true</c>/<c>false</c>) or
/// <c>bounds</c> (value <c>min..max</c>), with the token name that set it, when and why.
/// </summary>
public sealed record OverrideStatus(string Setting, string Value, string By, DateTimeOffset At, string? Reason);

/// <summary>The last scaling decision and its reason ("not scaling down: within 10m of last scale-up").</summary>
public sealed record DecisionStatus(string Kind, string Reason, DateTimeOffset At);

/// <summary>A raised condition such as "exhausted" (the cloud's message included) or "district-full".</summary>
public sealed record ConditionStatus(string Type, string Message, DateTimeOffset Since, DateTimeOffset? RetryAt);
