using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace NodeManager.Core.Serialization;

/// <summary>
/// The explicit map between message types and the stable manifests stored beside them, so that renaming or moving a
/// C# type never breaks an old journal. Old manifests stay readable through upcasters that rewrite the stored JSON
/// into the shape of a newer manifest. Register everything before the first message is serialized.
/// </summary>
public sealed class EventTypeRegistry
{
    private const int MaxUpcastChain = 32;

    private readonly ConcurrentDictionary<string, Type> _typesByManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _manifestsByType = new();
    private readonly ConcurrentDictionary<string, Upcaster> _upcasters = new(StringComparer.Ordinal);
    private readonly Lock _registering = new();

    /// <summary>Every registered type with its manifest (upcast manifests excluded).</summary>
    public IReadOnlyDictionary<Type, string> Registrations => _manifestsByType;

    /// <summary>Binds <typeparamref name="T"/> to <paramref name="manifest"/> (e.g. "node.server-requested.v1").</summary>
    /// <exception cref="InvalidOperationException">the type or the manifest is already bound to something else.</exception>
    public EventTypeRegistry Register<T>(string manifest) => Register(typeof(T), manifest);

    /// <inheritdoc cref="Register{T}"/>
    public EventTypeRegistry Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        lock (_registering)
        {
            if (_manifestsByType.TryGetValue(type, out var existing) && existing != manifest)
                throw new InvalidOperationException($"Type {type.FullName} is already registered under manifest '{existing}', not '{manifest}'.");
            if (_typesByManifest.TryGetValue(manifest, out var bound) && bound != type)
                throw new InvalidOperationException($"Manifest '{manifest}' is already bound to {bound.FullName}, not {type.FullName}.");
            if (_upcasters.ContainsKey(manifest))
                throw new InvalidOperationException($"Manifest '{manifest}' already has an upcaster; an old manifest cannot also name a type.");
            _typesByManifest[manifest] = type;
            _manifestsByType[type] = manifest;
        }

        return this;
    }

    /// <summary>
    /// Makes messages stored under <paramref name="oldManifest"/> readable: their JSON is passed through
    /// <paramref name="upcast"/> and then read as <paramref name="newManifest"/> (which may itself be upcast further).
    /// </summary>
    /// <exception cref="InvalidOperationException">the old manifest names a type or has an upcaster already.</exception>
    public EventTypeRegistry RegisterUpcaster(string oldManifest, string newManifest, Func<JsonNode, JsonNode> upcast)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldManifest);
        ArgumentException.ThrowIfNullOrWhiteSpace(newManifest);
        ArgumentNullException.ThrowIfNull(upcast);
        lock (_registering)
        {
            if (_typesByManifest.ContainsKey(oldManifest))
                throw new InvalidOperationException($"Manifest '{oldManifest}' names a registered type; it cannot be upcast.");
            if (!_upcasters.TryAdd(oldManifest, new Upcaster(newManifest, upcast)))
                throw new InvalidOperationException($"Manifest '{oldManifest}' already has an upcaster.");
        }

        return this;
    }

    public bool TryGetManifest(Type type, out string manifest) => _manifestsByType.TryGetValue(type, out manifest!);

    public bool TryGetType(string manifest, out Type type) => _typesByManifest.TryGetValue(manifest, out type!);

    /// <summary>True when the manifest names a type directly or through upcasters.</summary>
    public bool CanResolve(string manifest)
    {
        JsonNode? none = null;
        return TryResolve(manifest, ref none, out _);
    }

    /// <summary>
    /// Follows upcasters from <paramref name="manifest"/> to a registered type, rewriting <paramref name="json"/> on
    /// the way. Returns false when the chain ends at a manifest nobody knows.
    /// </summary>
    /// <exception cref="InvalidOperationException">the upcasters form a cycle.</exception>
    internal bool TryResolve(string manifest, ref JsonNode? json, out Type type)
    {
        var start = manifest;
        for (var hops = 0; hops <= MaxUpcastChain; hops++)
        {
            if (_typesByManifest.TryGetValue(manifest, out type!))
                return true;
            if (!_upcasters.TryGetValue(manifest, out var upcaster))
                return false;
            json = json is null ? null : upcaster.Upcast(json);
            manifest = upcaster.NewManifest;
        }

        throw new InvalidOperationException($"Upcasters starting at manifest '{start}' form a chain longer than {MaxUpcastChain} (a cycle?).");
    }

    private sealed record Upcaster(string NewManifest, Func<JsonNode, JsonNode> Upcast);
}
