using NodeManager.Core.Scaling;

namespace NodeManager.Core.Metrics;

/// <summary>
/// What the controller's actors report as it happens, for the host to count (Prometheus in the service, a recording fake
/// in specs). State that can be read at any moment (nodes by state, utilisation, conditions) is not reported here: the
/// host reads it from the status board when it is scraped.
/// </summary>
/// <remarks>
/// Called on an actor's turn: an implementation must return at once and never throw. Every argument is a district or
/// profile name, a phase, or a word from a small fixed set, never a node name or launch id, so that a metric labelled
/// with them has bounded cardinality.
/// </remarks>
public interface IControllerMetrics
{
    /// <summary>The policy decided <paramref name="kind"/> (<c>scale-up</c>, <c>scale-down</c>, <c>hold</c>) for a district, once per evaluation.</summary>
    void DecisionMade(string district, string kind);

    /// <summary>A node launch was journaled (its names are taken); its actor starts next.</summary>
    void LaunchStarted(string district, string profile);

    /// <summary>A launched node became Active for the first time.</summary>
    void LaunchSucceeded(string district, string profile);

    /// <summary>A launched node ended Failed or Aborted before it was ever Active; <paramref name="reason"/> is one of <see cref="LaunchFailureReason"/>'s words.</summary>
    void LaunchFailed(string district, string profile, string reason);

    /// <summary>A node left <paramref name="phase"/> after <paramref name="duration"/> in it (journaled times; retries of a phase count as one stay).</summary>
    void PhaseLeft(string district, string profile, NodePhase phase, TimeSpan duration);
}
