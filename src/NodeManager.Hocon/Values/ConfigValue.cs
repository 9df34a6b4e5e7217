namespace NodeManager.Hocon;

/// <summary>
/// A node of a configuration tree, with the origin it was written at. Resolved values are objects, lists and
/// scalars; until <see cref="Config.Resolve"/> runs, the tree may also hold substitutions, concatenations and
/// delayed merges (internal types).
/// </summary>
public abstract class ConfigValue
{
    private protected ConfigValue(ConfigOrigin origin)
    {
        Origin = origin;
    }

    public ConfigOrigin Origin { get; }

    /// <summary>The JSON type; throws <see cref="ConfigException"/> on an unresolved node.</summary>
    public abstract ConfigValueType ValueType { get; }

    /// <summary>True when no substitution is left anywhere below this node.</summary>
    public abstract bool IsResolved { get; }

    /// <summary>A copy whose substitutions point <paramref name="prefix"/> deeper (an include inside an object).</summary>
    internal abstract ConfigValue Relativize(IReadOnlyList<string> prefix);

    /// <summary>Compact JSON, for diagnostics.</summary>
    public override string ToString() => ConfigRenderer.RenderJson(this, indent: false);
}
