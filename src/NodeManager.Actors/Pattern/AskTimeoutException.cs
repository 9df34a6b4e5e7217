namespace NodeManager.Actors;

/// <summary>An <c>Ask</c> got no reply in time; the message names the target and the message type.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);
