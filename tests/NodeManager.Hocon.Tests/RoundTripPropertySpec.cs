using FsCheck;
using FsCheck.Fluent;
using NodeManager.Hocon.Tests.Support;

namespace NodeManager.Hocon.Tests;

/// <summary>Rendering any tree (as JSON or as HOCON) and parsing it back must give the same tree.</summary>
public sealed class RoundTripPropertySpec
{
    // Keys and strings include the characters that need quoting or escaping: dots, spaces, quotes, backslashes,
    // '$', '#', "//", newlines, the word include, numeric-looking text and the empty string.
    private static readonly Gen<ConfigObject> Trees = new ConfigTreeGen(ConfigTreeGen.Texts(
        ["", "a", "include", "1", "1.5", "true", "null", "a.b", "with space", "q\"uote", "back\\slash",
            "${x}", "#hash", "//c", "line\nbreak", "tab\t", "é ü", "-", "x:y", "[]{}", "  padded  "],
        "abcxyz-_.\" $\\/#:= \n")).Trees;

    [Fact]
    public void Rendered_json_must_parse_back_to_the_same_tree() => RoundTrips(tree => ConfigRenderer.RenderJson(tree));

    [Fact]
    public void Rendered_hocon_must_parse_back_to_the_same_tree() => RoundTrips(ConfigRenderer.RenderHocon);

    [Fact]
    public void Flattened_path_keys_in_any_order_must_rebuild_the_same_tree()
    {
        var cases = Trees.SelectMany(tree => Gen.Shuffle(Lines(tree, []).ToArray()).Select(lines => (tree, lines)));
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
        var cases = Trees.SelectMany(tree =>
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
        Prop.ForAll(Trees.ToArbitrary(), tree =>
        {
            var parsed = ConfigFactory.ParseString(render(tree), "rendered").Resolve(ConfigResolveOptions.NoEnvironment);
            return ConfigValueEquality.AreEqual(tree, parsed.Root);
        }).QuickCheckThrowOnFailure();
}
