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

    [Fact]
    public void Flattened_path_keys_in_any_order_must_rebuild_the_same_tree()
    {
        var cases = Gen.Sized(Object).SelectMany(tree => Gen.Shuffle(Lines(tree, []).ToArray()).Select(lines => (tree, lines)));
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var parsed = ConfigFactory.ParseString(string.Join("\n", c.lines), "flattened").Resolve(ConfigResolveOptions.NoEnvironment);
            return ConfigValueEquality.AreEqual(c.tree, parsed.Root);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_leaf_read_through_a_substitution_must_resolve_to_the_same_tree()
    {
        // Each leaf becomes "a.b = ${§store.N}" with "§store.N = value" elsewhere, in any order.
        const string store = "§store";
        var cases = Gen.Sized(Object).SelectMany(tree =>
        {
            var leaves = Leaves(tree, []).ToList();
            var lines = leaves.SelectMany((leaf, i) => new[]
            {
                leaf.Path + " = ${" + ConfigPath.Join([store, $"v{i}"]) + "}",
                ConfigPath.Join([store, $"v{i}"]) + " = " + leaf.Json,
            });
            return Gen.Shuffle(lines.ToArray()).Select(shuffled => (tree, shuffled));
        });
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var root = ConfigFactory.ParseString(string.Join("\n", c.shuffled), "substituted").Resolve(ConfigResolveOptions.NoEnvironment).Root;
            var withoutStore = ConfigObject.Create(root.Origin, root.Fields.Where(f => f.Key != store));
            return ConfigValueEquality.AreEqual(c.tree, withoutStore);
        }).QuickCheckThrowOnFailure();
    }

    // One "a.b.c = value" line per leaf (an empty object is a leaf too).
    private static IEnumerable<string> Lines(ConfigObject obj, IReadOnlyList<string> path) =>
        Leaves(obj, path).Select(leaf => leaf.Path + " = " + leaf.Json);

    private static IEnumerable<(string Path, string Json)> Leaves(ConfigObject obj, IReadOnlyList<string> path) =>
        obj.Fields.SelectMany(f => f.Value is ConfigObject { Count: > 0 } child
            ? Leaves(child, [.. path, f.Key])
            : [(ConfigPath.Join([.. path, f.Key]), ConfigRenderer.RenderJson(f.Value, indent: false))]);

    private static void RoundTrips(Func<ConfigObject, string> render) =>
        Prop.ForAll(Gen.Sized(Object).ToArbitrary(), tree =>
        {
            var parsed = ConfigFactory.ParseString(render(tree), "rendered").Resolve(ConfigResolveOptions.NoEnvironment);
            return ConfigValueEquality.AreEqual(tree, parsed.Root);
        }).QuickCheckThrowOnFailure();
}
