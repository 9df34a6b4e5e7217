namespace NodeManager.Hocon.Parsing;

/// <summary>
/// Collects an object's fields while it is parsed, merging a repeated key into what is there (the same rule as
/// <see cref="ConfigMerge"/>), so that an object of n fields is built in O(n) instead of n immutable copies.
/// </summary>
internal sealed class ObjectBuilder(ConfigOrigin origin)
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ConfigValue> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigOrigin> _keyOrigins = new(StringComparer.Ordinal);

    public void Set(string key, ConfigValue value, ConfigOrigin? keyOrigin)
    {
        if (_fields.TryGetValue(key, out var existing))
        {
            _fields[key] = ConfigMerge.Merge(value, existing);
        }
        else
        {
            _order.Add(key);
            _fields[key] = value;
        }
        if (keyOrigin is not null)
        {
            _keyOrigins[key] = keyOrigin;
        }
    }

    /// <summary>Merges an included file's fields as if they were written here.</summary>
    public void Include(ConfigObject included)
    {
        foreach (var (key, value) in included.Fields)
        {
            Set(key, value, included.KeyOrigin(key));
        }
    }

    public ConfigObject Build() =>
        ConfigObject.Create(origin, _order.Select(k => KeyValuePair.Create(k, _fields[k])), _keyOrigins, ignoresFallbacks: false);
}
