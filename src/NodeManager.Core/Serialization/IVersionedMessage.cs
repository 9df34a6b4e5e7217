namespace NodeManager.Core.Serialization;

/// <summary>
/// A message with a stable, versioned manifest (e.g. "node.requested.v1"), registered in
/// <see cref="NodeManager.Core.Controller.ControllerEvents.Registry"/>. Akka serializes every implementation with
/// <see cref="ProductSerializer"/>, in the journal, the snapshot store and between cluster members, so renaming or
/// moving the C# type never breaks what is already stored.
/// </summary>
public interface IVersionedMessage;
