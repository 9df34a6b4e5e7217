namespace NodeManager.Cli.Endpoint;

/// <summary>One event of a <c>text/event-stream</c>: its id (null when the server sent none), its type and its data lines joined by newlines.</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data);
