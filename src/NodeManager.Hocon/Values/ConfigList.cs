namespace NodeManager.Hocon;

/// <summary>An array.</summary>
public sealed class ConfigList : ConfigValue
{
    public ConfigList(ConfigOrigin origin, IReadOnlyList<ConfigValue> items)
        : base(origin)
    {
        Items = items;
        IsResolved = items.All(i => i.IsResolved);
    }

    public IReadOnlyList<ConfigValue> Items { get; }

    public override ConfigValueType ValueType => ConfigValueType.List;

    public override bool IsResolved { get; }

    internal override ConfigValue Relativize(IReadOnlyList<string> prefix) =>
        IsResolved ? this : new ConfigList(Origin, [.. Items.Select(i => i.Relativize(prefix))]);
}
