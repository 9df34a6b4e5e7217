namespace NodeManager.Hocon;

/// <summary>An object: fields in the order they were first defined, each key with where it was written.</summary>
public sealed class ConfigObject : ConfigValue
{
    private static readonly IReadOnlyDictionary<string, ConfigOrigin> NoKeyOrigins = new Dictionary<string, ConfigOrigin>();

    private readonly Dictionary<string, ConfigValue> _fields;
    private readonly List<string> _order;
    private readonly IReadOnlyDictionary<string, ConfigOrigin> _keyOrigins;

    private ConfigObject(
        ConfigOrigin origin,
        List<string> order,
        Dictionary<string, ConfigValue> fields,
        IReadOnlyDictionary<string, ConfigOrigin>? keyOrigins,
        bool ignoresFallbacks)
        : base(origin)
    {
        _order = order;
        _fields = fields;
        _keyOrigins = keyOrigins ?? NoKeyOrigins;
        IgnoresFallbacks = ignoresFallbacks;
        IsResolved = fields.Values.All(v => v.IsResolved);
    }

    public static ConfigObject Empty(ConfigOrigin origin) => new(origin, [], [], null, ignoresFallbacks: false);

    public static ConfigObject Create(ConfigOrigin origin, IEnumerable<KeyValuePair<string, ConfigValue>> fields) =>
        Create(origin, fields, null, ignoresFallbacks: false);

    internal static ConfigObject Create(
        ConfigOrigin origin,
        IEnumerable<KeyValuePair<string, ConfigValue>> fields,
        IReadOnlyDictionary<string, ConfigOrigin>? keyOrigins,
        bool ignoresFallbacks)
    {
        var order = new List<string>();
        var dict = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (!dict.ContainsKey(key))
            {
                order.Add(key);
            }
            dict[key] = value;
        }
        return new ConfigObject(origin, order, dict, keyOrigins, ignoresFallbacks);
    }

    public override ConfigValueType ValueType => ConfigValueType.Object;

    public override bool IsResolved { get; }

    /// <summary>
    /// Set once this object has been merged over a non-object: that value hid everything below it, so merging in
    /// further fallbacks must not bring their fields back (HOCON.md, "Config object merging and file merging").
    /// </summary>
    internal bool IgnoresFallbacks { get; }

    internal IReadOnlyDictionary<string, ConfigOrigin> KeyOrigins => _keyOrigins;

    public IReadOnlyList<string> Keys => _order;

    public int Count => _order.Count;

    public IEnumerable<KeyValuePair<string, ConfigValue>> Fields => _order.Select(k => KeyValuePair.Create(k, _fields[k]));

    public bool TryGetValue(string key, out ConfigValue value) => _fields.TryGetValue(key, out value!);

    public ConfigValue? this[string key] => _fields.GetValueOrDefault(key);

    /// <summary>Where <paramref name="key"/> itself was last written (parsed text only), or null.</summary>
    public ConfigOrigin? KeyOrigin(string key) => _keyOrigins.GetValueOrDefault(key);

    /// <summary>This object with <paramref name="key"/> set (replacing, not merging).</summary>
    internal ConfigObject With(string key, ConfigValue value, ConfigOrigin? keyOrigin = null)
    {
        var order = _fields.ContainsKey(key) ? _order : [.. _order, key];
        var dict = new Dictionary<string, ConfigValue>(_fields, StringComparer.Ordinal) { [key] = value };
        var origins = _keyOrigins;
        if (keyOrigin is not null)
        {
            origins = new Dictionary<string, ConfigOrigin>(_keyOrigins, StringComparer.Ordinal) { [key] = keyOrigin };
        }
        return new ConfigObject(Origin, order, dict, origins, IgnoresFallbacks);
    }

    internal ConfigObject WithOrigin(ConfigOrigin origin) => new(origin, _order, _fields, _keyOrigins, IgnoresFallbacks);

    internal ConfigObject WithIgnoresFallbacks() => IgnoresFallbacks ? this : new(Origin, _order, _fields, _keyOrigins, ignoresFallbacks: true);

    internal ConfigObject WithFields(IEnumerable<KeyValuePair<string, ConfigValue>> fields) =>
        Create(Origin, fields, _keyOrigins, IgnoresFallbacks);

    internal override ConfigValue Relativize(IReadOnlyList<string> prefix) =>
        IsResolved ? this : WithFields(Fields.Select(f => KeyValuePair.Create(f.Key, f.Value.Relativize(prefix))));
}
