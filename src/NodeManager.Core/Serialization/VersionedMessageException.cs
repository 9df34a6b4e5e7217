using System.Runtime.Serialization;

namespace NodeManager.Core.Serialization;

/// <summary>
/// A versioned message could not be written or read. In recovery Akka stops the persistent actor with it: a stored
/// message is never skipped.
/// </summary>
public class VersionedMessageException(string message, string? manifest, Exception? innerException = null)
    : SerializationException(message, innerException)
{
    /// <summary>The manifest at fault, when one is known.</summary>
    public string? Manifest { get; } = manifest;
}

/// <summary>No type and no upcaster is registered for a stored manifest.</summary>
public sealed class UnknownManifestException(string manifest)
    : VersionedMessageException(
        $"Unknown manifest '{manifest}': no type or upcaster is registered for it. Register its type or an upcaster " +
        "to a current manifest (ControllerEvents), or run the release that wrote it.",
        manifest);

/// <summary>The type has no manifest: it cannot be written.</summary>
public sealed class UnregisteredMessageTypeException(Type type)
    : VersionedMessageException(
        $"Type {type.FullName} has no manifest: register it in ControllerEvents with a stable name such as \"area.what-happened.v1\".",
        null)
{
    public Type Type { get; } = type;
}
