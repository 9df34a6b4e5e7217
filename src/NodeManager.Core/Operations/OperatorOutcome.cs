using System.Text.Json.Serialization;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Operations;

/// <summary>How the controller answered an operator action.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperatorVerdict>))]
public enum OperatorVerdict
{
    /// <summary>Applied, or already in effect (<see cref="OperatorOutcome.Changed"/> false).</summary>
    Done,

    /// <summary>No such district or node.</summary>
    UnknownTarget,

    /// <summary>The request itself is wrong (bounds below zero or min above max).</summary>
    Invalid,

    /// <summary>The target is not in a state the action applies to (a drain of a node that is not Active).</summary>
    Conflict,
}

/// <summary>
/// The controller's answer to an <see cref="OperatorRequest"/> (it crosses members: the district that owns the target
/// answers). <c>Target</c> is the district's name or the node's host name; <c>Detail</c> says why it was refused, or
/// adds what the operator should know (a node the file still protects). <c>At</c> is when the owning district acted.
/// </summary>
public sealed record OperatorOutcome(
    OperatorVerdict Verdict, OperatorAction Action, string Target, string By, string? Reason, DateTimeOffset At, bool Changed, string? Detail)
    : IVersionedMessage
{
    public static OperatorOutcome Refused(OperatorVerdict verdict, OperatorRequest request, DateTimeOffset at, string detail) =>
        new(verdict, request.Action, request.Target, request.By, request.Reason, at, false, detail);
}
