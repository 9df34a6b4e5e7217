namespace NodeManager.Hocon;

/// <summary>Value concatenation that still holds a substitution: <c>${a} [2]</c>, <c>${home}"/bin"</c>.</summary>
internal sealed class ConfigConcatenation : ConfigValue
{
    public ConfigConcatenation(ConfigOrigin origin, IReadOnlyList<ConfigValue> pieces)
        : base(origin)
    {
        Pieces = pieces;
    }

    public IReadOnlyList<ConfigValue> Pieces { get; }

    public override ConfigValueType ValueType => throw ConfigSubstitution.Unresolved(this);

    public override bool IsResolved => false;

    internal override ConfigValue Relativize(IReadOnlyList<string> prefix) =>
        new ConfigConcatenation(Origin, [.. Pieces.Select(p => p.Relativize(prefix))]);
}
