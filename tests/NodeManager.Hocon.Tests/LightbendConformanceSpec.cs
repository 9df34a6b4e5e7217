namespace NodeManager.Hocon.Tests;

/// <summary>
/// Lightbend's EquivalentsTest: every top-level .conf/.json of each equivNN folder (except original.json) resolves,
/// without the environment, to the same value as original.json; every .json also parses the same as HOCON. Because
/// two wrong parses can still be equal, each file is also held to concrete values of the feature its folder exercises.
/// </summary>
public sealed class LightbendConformanceSpec
{
    // Per folder: a path and the JSON it must resolve to, or null for a field the file writes that must vanish.
    private static readonly IReadOnlyDictionary<string, (string Path, string? Json)[]> FolderValues =
        new Dictionary<string, (string Path, string? Json)[]>
        {
            ["equiv01"] =
            [
                ("ints.fortyTwoAgain", "42"),
                ("floats.fortyTwoPointOneAgain", "42.1"),
                ("strings.abcdAgain", "\"abcd\""),
                ("strings.concatenated", "\"null bar 42 baz true 3.14 hi\""),
                ("arrays.empty", "[]"),
                ("arrays.\"123\"", "[1, 2, 3]"),
                ("arrays.ofString", "[\"a\", \"b\", \"c\"]"),
                ("booleans.trueAgain", "true"),
                ("booleans.falseAgain", "false"),
                ("nulls.nullAgain", "null"),
            ],
            ["equiv02"] =
            [
                ("a.b.c.d.e", "401"),
                ("a.b.c.d.z", "102"),
                ("a.b.c.d.a", "1"),
                ("a.b.c.q", "301"),
                ("a.s", "303"),
            ],
            ["equiv03"] =
            [
                ("letters.a", "\"ok\""),
                ("letters.b", "507"),
                ("letters.c.fromConf", "89"),
                ("letters.c.fromProp", "\"true\""),
                ("letters.numbers.\"1\"", "1"),
                ("letters.numbers.\"2\"", "\"abcd\""),
                ("root", "\"this gets included at the root\""),
            ],
            ["equiv04"] = [("a", null), ("b", null), ("c", null)],
            ["equiv05"] =
            [
                ("a", "\"hello\""),
                ("b", "\"hello\\nworld\""),
                ("b1", "\"hello\\\\nworld\""),
                ("c", "\"  \\n  hello  \\n world  \\n \""),
                ("d", "\" \\\"hello\\\" \""),
                ("f4", "\"hello\\\"\\\"\\\"\\\"\""),
                ("g2", "\"\\\"\\\"hello\""),
                ("h", "\"\\\"\\\"\""),
                ("i", "\"foo\\\"\\\"bar\""),
            ],
        };

    public static TheoryData<string, string> EquivalentFiles() => Files(name =>
        name != "original.json" && (name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal)));

    public static TheoryData<string, string> JsonFiles() => Files(name => name.EndsWith(".json", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(EquivalentFiles))]
    public void Every_equivalent_file_must_resolve_to_the_folders_original_json(string folder, string file)
    {
        Assert.True(SharedFixtures.Available, SharedFixtures.RequireRoot());
        var expected = Parse(folder, "original.json");
        var actual = Parse(folder, file);

        Assert.True(ConfigValueEquality.AreEqual(expected.Root, actual.Root),
            $"{folder}/{file}\nexpected {ConfigRenderer.RenderJson(expected.Root)}\nactual   {ConfigRenderer.RenderJson(actual.Root)}");
    }

    [Theory]
    [MemberData(nameof(EquivalentFiles))]
    public void Every_equivalent_file_must_hold_the_values_its_folder_exercises(string folder, string file)
    {
        Assert.True(SharedFixtures.Available, SharedFixtures.RequireRoot());
        var written = ConfigFactory.ParseFile(Path.Combine(SharedFixtures.Lightbend, folder, file));
        var resolved = written.Resolve(ConfigResolveOptions.NoEnvironment);

        foreach (var (path, json) in FolderValues[folder])
        {
            if (json is null)
            {
                Assert.True(written.UnresolvedRoot[path] is not null, $"{folder}/{file} must write {path}");
                Assert.False(resolved.HasPathOrNull(path), $"{folder}/{file}: {path} must vanish");
                continue;
            }
            var expected = ConfigFactory.ParseString("v = " + json).GetValue("v");
            Assert.True(resolved.HasPathOrNull(path), $"{folder}/{file}: {path} is missing");
            var actual = resolved.GetValue(path);
            Assert.True(ConfigValueEquality.AreEqual(expected, actual), $"{folder}/{file}: {path}\nexpected {json}\nactual   {actual}");
        }
    }

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void Json_files_must_parse_the_same_as_hocon_text(string folder, string file)
    {
        Assert.True(SharedFixtures.Available, SharedFixtures.RequireRoot());
        var path = Path.Combine(SharedFixtures.Lightbend, folder, file);
        var asFile = Parse(folder, file);
        var asText = ConfigFactory.ParseString(File.ReadAllText(path), file, Path.GetDirectoryName(path)).Resolve(ConfigResolveOptions.NoEnvironment);

        Assert.True(ConfigValueEquality.AreEqual(asFile.Root, asText.Root),
            $"{folder}/{file}\nas JSON {ConfigRenderer.RenderJson(asFile.Root)}\nas HOCON {ConfigRenderer.RenderJson(asText.Root)}");
    }

    [Fact]
    public void The_suite_must_compare_the_fifteen_upstream_files_and_parse_their_six_json_files_as_hocon()
    {
        Assert.True(SharedFixtures.Available, SharedFixtures.RequireRoot());
        Assert.Equal(15, EquivalentFiles().Count());
        Assert.Equal(6, JsonFiles().Count());
        Assert.Equal(FolderValues.Keys.Order(StringComparer.Ordinal), EquivalentFiles().Select(row => (string)row[0]).Distinct());
    }

    private static Config Parse(string folder, string file) =>
        ConfigFactory.ParseFile(Path.Combine(SharedFixtures.Lightbend, folder, file)).Resolve(ConfigResolveOptions.NoEnvironment);

    private static TheoryData<string, string> Files(Func<string, bool> include)
    {
        var data = new TheoryData<string, string>();
        if (!SharedFixtures.Available)
        {
            // One case that fails loudly instead of an empty theory that would pass in silence.
            data.Add("FIXTURES MISSING", "");
            return data;
        }
        foreach (var folder in Directory.GetDirectories(SharedFixtures.Lightbend, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (include(name))
                {
                    data.Add(Path.GetFileName(folder), name);
                }
            }
        }
        return data;
    }
}
