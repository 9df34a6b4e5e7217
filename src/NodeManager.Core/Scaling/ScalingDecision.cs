using System.Text.Json.Serialization;

namespace NodeManager.Core.Scaling;

/// <summary>
/// What the policy says about one district, always with a human reason ("not scaling down district-a: within 10m of
/// last scale-up"). The reason is journaled by the district supervisor and shown by the management endpoint. It
/// travels from the capacity watcher to a district on another member as JSON naming its kind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$decision")]
[JsonDerivedType(typeof(ScaleUp), "scale-up")]
[JsonDerivedType(typeof(ScaleDown), "scale-down")]
[JsonDerivedType(typeof(Hold), "hold")]
public abstract record ScalingDecision(string District, string Reason)
{
    /// <summary>"scale-up", "scale-down" or "hold": the stable word the endpoint shows.</summary>
    public abstract string Kind { get; }
}

/// <summary>Launch <see cref="Count"/> more nodes in the district.</summary>
public sealed record ScaleUp(string District, int Count, string Reason) : ScalingDecision(District, Reason)
{
    public override string Kind => "scale-up";
}

/// <summary>Drain and reclaim the named node (host name).</summary>
public sealed record ScaleDown(string District, string Node, string Reason) : ScalingDecision(District, Reason)
{
    public override string Kind => "scale-down";
}

/// <summary>No action this time, and why.</summary>
public sealed record Hold(string District, string Reason) : ScalingDecision(District, Reason)
{
    public override string Kind => "hold";
}

/// <summary>A condition the policy raises beyond one decision, e.g. "district-full" for a profile.</summary>
public sealed record PolicyCondition(string Type, string Subject, string Message);

/// <summary>One evaluation's result: a decision per district (in district order), conditions, and the updated memory.</summary>
public sealed record PolicyOutcome(
    IReadOnlyList<ScalingDecision> Decisions,
    IReadOnlyList<PolicyCondition> Conditions,
    PolicyMemory Memory);
