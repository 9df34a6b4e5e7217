namespace NodeManager.Actors;

/// <summary>
/// Delivered to a watcher once the watched actor has stopped (or at once if it already had).
/// An actor that does not handle it fails with <see cref="DeathPactException"/>, as in Akka.
/// </summary>
public sealed record Terminated(IActorRef ActorRef) : IDeadLetterSuppression;
