using Akka.Configuration.Hocon;
using AkkaConfig = Akka.Configuration.Config;

namespace NodeManager.Hocon.Akka;

/// <summary>
/// Reads Akka's assembled reference configuration (its own HOCON tree, fallbacks merged into <c>Root</c>) into our
/// tree, so the akka.* validator walks the same kind of tree as <see cref="Validation.ReferenceValidator"/>. Akka's
/// tree keeps scalars as text only; a scalar's type is taken from its text (numbers, true/false, null).
/// </summary>
internal static class AkkaReferenceReader
{
    private static readonly ConfigOrigin Origin = ConfigOrigin.Unknown("Akka's reference configuration");

    public static ConfigObject Read(AkkaConfig config) =>
        config.Root is { } root && Read(root) is ConfigObject obj ? obj : ConfigObject.Empty(Origin);

    // Null for a value Akka holds no element for (nothing to check an operator's value against).
    private static ConfigValue? Read(HoconValue value)
    {
        if (value.Values.Count == 0)
        {
            return null;
        }
        if (value.GetObject() is { } obj)
        {
            var fields = obj.Items
                .Select(item => (item.Key, Value: Read(item.Value)))
                .Where(field => field.Value is not null)
                .Select(field => KeyValuePair.Create(field.Key, field.Value!));
            return ConfigObject.Create(Origin, fields);
        }
        if (value.IsString())
        {
            return Scalar(value.GetString());
        }
        return new ConfigList(Origin, [.. value.GetArray().Select(Read).OfType<ConfigValue>()]);
    }

    private static ConfigScalar Scalar(string? text) => text switch
    {
        null => ConfigScalar.Null(Origin),
        "true" or "false" => ConfigScalar.Boolean(text == "true", Origin),
        _ when ConfigScalar.IsNumber(text) => ConfigScalar.Number(text, Origin),
        _ => ConfigScalar.String(text, Origin),
    };
}
