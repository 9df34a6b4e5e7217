using System.Text.Json;
using System.Text.Json.Nodes;

namespace NodeManager.Core.Serialization;

/// <summary>
/// Writes messages as UTF-8 JSON (System.Text.Json, web defaults: camelCase) under the manifest the
/// <see cref="EventTypeRegistry"/> gives their type, and reads them back, upcasting old manifests on the way.
/// Errors name the manifest; the persistence id and sequence number are the caller's to add (see
/// <see cref="RecoveryFailure"/>).
/// </summary>
public sealed class JsonEventSerializer
{
    private static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.Web) { Converters = { new ReadOnlySetConverter() } };

    private readonly JsonSerializerOptions _options;

    public JsonEventSerializer(EventTypeRegistry registry, JsonSerializerOptions? options = null)
    {
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options ?? DefaultOptions;
    }

    public EventTypeRegistry Registry { get; }

    /// <exception cref="UnregisteredMessageTypeException">the type has no manifest.</exception>
    public string Manifest(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Registry.TryGetManifest(value.GetType(), out var manifest)
            ? manifest
            : throw new UnregisteredMessageTypeException(value.GetType());
    }

    /// <exception cref="UnregisteredMessageTypeException">the type has no manifest.</exception>
    /// <exception cref="VersionedMessageException">System.Text.Json cannot write the value.</exception>
    public byte[] Serialize(object value)
    {
        var manifest = Manifest(value);
        var type = value.GetType();
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, type, _options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new VersionedMessageException($"Cannot write {type.FullName} (manifest '{manifest}'): {e.Message}", manifest, e);
        }
    }

    /// <exception cref="UnknownManifestException">no type or upcaster knows the manifest.</exception>
    /// <exception cref="VersionedMessageException">the payload does not read as the manifest's type.</exception>
    public object Deserialize(string manifest, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (Registry.TryGetType(manifest, out var direct))
        {
            try
            {
                return JsonSerializer.Deserialize(payload, direct, _options) ?? throw new JsonException("the payload is JSON null");
            }
            catch (Exception e) when (IsReadError(e))
            {
                throw Unreadable(manifest, direct, e);
            }
        }

        if (!Registry.CanResolve(manifest))
            throw new UnknownManifestException(manifest);

        // Upcasters are code of their own: whatever they throw is reported as this manifest's failure.
        Type? type = null;
        try
        {
            var json = JsonNode.Parse(payload);
            Registry.TryResolve(manifest, ref json, out var resolved);
            type = resolved;
            return json.Deserialize(type, _options) ?? throw new JsonException("the payload is JSON null");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw type is null
                ? new VersionedMessageException($"Cannot upcast a message of manifest '{manifest}': {e.Message}", manifest, e)
                : Unreadable(manifest, type, e);
        }
    }

    private static bool IsReadError(Exception e) =>
        e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException;

    private static VersionedMessageException Unreadable(string manifest, Type type, Exception e) =>
        new($"Cannot read a message of manifest '{manifest}' as {type.FullName}: {e.Message}", manifest, e);
}
