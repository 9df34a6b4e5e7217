using FsCheck;
using FsCheck.Fluent;

namespace NodeManager.Hocon.Tests;

/// <summary>Rendering any tree (as JSON or as HOCON) and parsing it back must give the same tree.</summary>
public sealed class RoundTripPropertySpec
{
    private static readonly ConfigOrigin Origin = ConfigOrigin.Unknown("generated");

    // Keys and strings include the characters that need quoting or escaping: dots, spaces, quotes, backslashes,
    // '$', '#', "//", newlines, the word include, numeric-looking text and the empty string.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Elements("", "a", "include", "1", "1.5", "true", "null", "a.b", "with space", "q\"uote", "back\\slash",
            "${x}", "#hash", "//c", "line\nbreak", "tab\t", "é ü", "-", "x:y", "[]{}", "  padded  "),
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcxyz-_.\" $\\/#:= \n".ToCharArray()), n)).Select(cs => new string(cs)));

    private static readonly Gen<ConfigValue> Scalar = Gen.OneOf(
        Text.Select(s => (ConfigValue)ConfigScalar.String(s, Origin)),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => (ConfigValue)ConfigScalar.Number(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Origin)),
        Gen.Choose(-1000, 1000).Select(i => (ConfigValue)ConfigScalar.Number((i / 8.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture), Origin)),
        Gen.Elements(true, false).Select(b => (ConfigValue)ConfigScalar.Boolean(b, Origin)),
        Gen.Constant((ConfigValue)ConfigScalar.Null(Origin)));

    private static Gen<ConfigValue> Value(int size) => size <= 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Value(size / 2), n)).Select(items => (ConfigValue)new ConfigList(Origin, [.. items]))),
            (1, Object(size / 2).Select(o => (ConfigValue)o)));

    private static Gen<ConfigObject> Object(int size) =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Text.Zip(Value(size)), n))
            .Select(fields => ConfigObject.Create(Origin, fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));

    [Fact]
    public void Rendered_json_must_parse_back_to_the_same_tree() => RoundTrips(tree => ConfigRenderer.RenderJson(tree));

    [Fact]
    public void Rendered_hocon_must_parse_back_to_the_same_tree() => RoundTrips(ConfigRenderer.RenderHocon);

    private static void RoundTrips(Func<ConfigObject, string> render) =>
        Prop.ForAll(Gen.Sized(Object).ToArbitrary(), tree =>
        {
            var parsed = ConfigFactory.ParseString(render(tree), "rendered").Resolve(ConfigResolveOptions.NoEnvironment);
            return ConfigValueEquality.AreEqual(tree, parsed.Root);
        }).QuickCheckThrowOnFailure();
}
