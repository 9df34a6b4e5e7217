using System.Text.Json;
using System.Text.Json.Nodes;

namespace NodeManager.Actors.Persistence;

/// <summary>
/// Turns events and snapshots into UTF-8 JSON under the manifest the <see cref="EventTypeRegistry"/> gives their type,
/// and back. Deserialization errors always name the persistence id, the sequence number and the manifest.
/// </summary>
public sealed class EventSerializer
{
    private static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.Web);

    private readonly JsonSerializerOptions _options;

    public EventSerializer(EventTypeRegistry registry, JsonSerializerOptions? options = null)
    {
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options ?? DefaultOptions;
    }

    public EventTypeRegistry Registry { get; }

    /// <exception cref="PersistenceRejectedException">the type is not registered or System.Text.Json cannot write it.</exception>
    public (string Manifest, byte[] Payload) Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        if (!Registry.TryGetManifest(type, out var manifest))
            throw new PersistenceRejectedException(
                $"Type {type.FullName} has no manifest: register it with EventTypeRegistry.Register<{type.Name}>(\"…\").");
        try
        {
            return (manifest, JsonSerializer.SerializeToUtf8Bytes(value, type, _options));
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new PersistenceRejectedException($"Cannot serialize {type.FullName} (manifest '{manifest}'): {e.Message}", e);
        }
    }

    /// <exception cref="UnknownEventManifestException">no type or upcaster knows the manifest.</exception>
    /// <exception cref="EventDeserializationException">the payload does not read as the registered type.</exception>
    public object Deserialize(string persistenceId, long sequenceNr, string manifest, byte[] payload)
    {
        if (Registry.TryGetType(manifest, out var direct))
            return Read(persistenceId, sequenceNr, manifest, () => JsonSerializer.Deserialize(payload, direct, _options));

        if (!Registry.CanResolve(manifest))
            throw new UnknownEventManifestException(persistenceId, sequenceNr, manifest);

        Type type;
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(payload);
            Registry.TryResolve(manifest, ref json, out type, out _);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new EventDeserializationException(persistenceId, sequenceNr, manifest, e);
        }

        return Read(persistenceId, sequenceNr, manifest, () => json.Deserialize(type, _options));
    }

    private static object Read(string persistenceId, long sequenceNr, string manifest, Func<object?> read)
    {
        try
        {
            return read() ?? throw new JsonException("the payload is JSON null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new EventDeserializationException(persistenceId, sequenceNr, manifest, e);
        }
    }
}
