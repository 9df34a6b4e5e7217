using System.Text.Json.Serialization;

namespace NodeManager.Core.Operations;

/// <summary>What an operator can ask of a district or one of its nodes through the management endpoint.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperatorAction>))]
public enum OperatorAction
{
    Drain,
    Protect,
    Unprotect,
    Retry,
    Forget,
    Pause,
    Resume,
    SetBounds,
    ClearBounds,
    ScaleNow,
}

/// <summary>The names operators and clients see for each <see cref="OperatorAction"/> (the <c>action</c> of a response).</summary>
public static class OperatorActionNames
{
    public static string Name(this OperatorAction action) => action switch
    {
        OperatorAction.Drain => "drain",
        OperatorAction.Protect => "protect",
        OperatorAction.Unprotect => "unprotect",
        OperatorAction.Retry => "retry",
        OperatorAction.Forget => "forget",
        OperatorAction.Pause => "pause",
        OperatorAction.Resume => "resume",
        OperatorAction.SetBounds => "bounds",
        OperatorAction.ClearBounds => "clear-bounds",
        OperatorAction.ScaleNow => "scale-now",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not an operator action"),
    };

    /// <summary>True for the actions whose target is a node, false for those whose target is a district.</summary>
    public static bool TargetsNode(this OperatorAction action) =>
        action is OperatorAction.Drain or OperatorAction.Protect or OperatorAction.Unprotect or OperatorAction.Retry or OperatorAction.Forget;
}
