namespace NodeManager.Actors.Dispatch;

/// <summary>A user message with its sender, as it travels through a mailbox.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
