namespace NodeManager.Hocon;

/// <summary>
/// The one merge rule of HOCON, used for duplicate keys, includes and <see cref="Config.WithFallback"/>:
/// objects merge field by field; any other value hides what it overrides; anything unresolved waits for resolution.
/// </summary>
internal static class ConfigMerge
{
    public static ConfigValue Merge(ConfigValue higher, ConfigValue lower)
    {
        if (higher is ConfigObject higherObject)
        {
            if (lower is ConfigObject lowerObject)
            {
                return MergeObjects(higherObject, lowerObject);
            }
            if (higherObject.IgnoresFallbacks)
            {
                return higher;
            }
            return lower.IsResolved ? higherObject.WithIgnoresFallbacks() : ConfigDelayedMerge.Create(higher, lower);
        }
        return higher.IsResolved ? higher : ConfigDelayedMerge.Create(higher, lower);
    }

    public static ConfigObject MergeObjects(ConfigObject higher, ConfigObject lower)
    {
        if (higher.IgnoresFallbacks || (lower.Count == 0 && !lower.IgnoresFallbacks))
        {
            return higher;
        }
        var fields = new List<KeyValuePair<string, ConfigValue>>(lower.Count + higher.Count);
        foreach (var (key, lowerValue) in lower.Fields)
        {
            fields.Add(KeyValuePair.Create(key, higher.TryGetValue(key, out var higherValue) ? Merge(higherValue, lowerValue) : lowerValue));
        }
        foreach (var (key, higherValue) in higher.Fields)
        {
            if (lower[key] is null)
            {
                fields.Add(KeyValuePair.Create(key, higherValue));
            }
        }
        var keyOrigins = new Dictionary<string, ConfigOrigin>(lower.KeyOrigins, StringComparer.Ordinal);
        foreach (var (key, origin) in higher.KeyOrigins)
        {
            keyOrigins[key] = origin;
        }
        return ConfigObject.Create(higher.Origin, fields, keyOrigins, lower.IgnoresFallbacks);
    }

    /// <summary>Nests <paramref name="value"/> under the path segments (<c>a.b.c = v</c> ⇒ <c>a { b { c = v } }</c>).</summary>
    public static ConfigValue Wrap(IReadOnlyList<string> segments, int from, ConfigValue value, ConfigOrigin origin)
    {
        for (var i = segments.Count - 1; i >= from; i--)
        {
            value = ConfigObject.Empty(origin).With(segments[i], value, origin);
        }
        return value;
    }
}
