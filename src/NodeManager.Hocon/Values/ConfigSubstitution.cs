namespace NodeManager.Hocon;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="PrefixLength"/> counts the leading segments an include added, so
/// that a path not found as written can be retried without them (and looked up in the environment that way).
/// </summary>
internal sealed class ConfigSubstitution : ConfigValue
{
    public ConfigSubstitution(ConfigOrigin origin, IReadOnlyList<string> path, bool optional, int prefixLength = 0)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        PrefixLength = prefixLength;
    }

    public IReadOnlyList<string> Path { get; }

    public bool Optional { get; }

    public int PrefixLength { get; }

    public override ConfigValueType ValueType => throw Unresolved(this);

    public override bool IsResolved => false;

    public override string ToString() => "${" + (Optional ? "?" : "") + ConfigPath.Join(Path) + "}";

    internal override ConfigValue Relativize(IReadOnlyList<string> prefix) =>
        new ConfigSubstitution(Origin, [.. prefix, .. Path], Optional, PrefixLength + prefix.Count);

    internal static ConfigException Unresolved(ConfigValue value) =>
        new(value.Origin, null, "value is not resolved yet (call Resolve() first)");
}
