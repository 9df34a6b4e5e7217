namespace NodeManager.Simulators.OpenStack;

/// <summary>
/// Faults injected into one operation (see <see cref="SimulatorOps"/>). Applied in this order:
/// hang (never answers until the client gives up), latency (uniform in [min, max] on the simulator's clock),
/// then an error (the next <see cref="FailNext"/> calls, else with probability <see cref="ErrorRate"/>).
/// </summary>
public sealed record FaultSpec
{
    public double ErrorRate { get; init; }
    /// <summary>Deterministic: this many following calls fail.</summary>
    public int FailNext { get; init; }
    /// <summary>500, 503, 429, 413, … The body uses the fault name Nova/Cinder use for that status.</summary>
    public int ErrorStatus { get; init; } = 500;
    /// <summary>Sent as Retry-After (and <c>retryAfter</c> in the body) with 429/413 errors.</summary>
    public int? RetryAfterSeconds { get; init; }
    public TimeSpan LatencyMin { get; init; }
    public TimeSpan LatencyMax { get; init; }
    public bool Hang { get; init; }
}
