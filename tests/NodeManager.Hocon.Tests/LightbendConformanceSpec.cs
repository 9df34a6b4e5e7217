namespace NodeManager.Hocon.Tests;

/// <summary>
/// Lightbend's EquivalentsTest: every top-level .conf/.json of each equivNN folder (except original.json) resolves,
/// without the environment, to the same value as original.json; every .json also parses the same as HOCON.
/// </summary>
public sealed class LightbendConformanceSpec
{
    public static TheoryData<string, string> EquivalentFiles()
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
                if (name != "original.json" && (name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal)))
                {
                    data.Add(Path.GetFileName(folder), name);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EquivalentFiles))]
    public void Every_equivalent_file_must_resolve_to_the_folders_original_json(string folder, string file)
    {
        Assert.True(SharedFixtures.Available, SharedFixtures.RequireRoot());
        var expected = ConfigFactory.ParseFile(Path.Combine(SharedFixtures.Lightbend, folder, "original.json")).Resolve(ConfigResolveOptions.NoEnvironment);
        var actual = ConfigFactory.ParseFile(Path.Combine(SharedFixtures.Lightbend, folder, file)).Resolve(ConfigResolveOptions.NoEnvironment);

        Assert.True(ConfigValueEquality.AreEqual(expected.Root, actual.Root),
            $"{folder}/{file}\nexpected {ConfigRenderer.RenderJson(expected.Root)}\nactual   {ConfigRenderer.RenderJson(actual.Root)}");
    }

    [Theory]
    [MemberData(nameof(EquivalentFiles))]
    public void Json_files_must_parse_the_same_as_hocon_text(string folder, string file)
    {
        Assert.True(SharedFixtures.Available, SharedFixtures.RequireRoot());
        if (!file.EndsWith(".json", StringComparison.Ordinal))
        {
            return;
        }
        var path = Path.Combine(SharedFixtures.Lightbend, folder, file);
        var asFile = ConfigFactory.ParseFile(path).Resolve(ConfigResolveOptions.NoEnvironment);
        var asText = ConfigFactory.ParseString(File.ReadAllText(path), file, Path.GetDirectoryName(path)).Resolve(ConfigResolveOptions.NoEnvironment);

        Assert.True(ConfigValueEquality.AreEqual(asFile.Root, asText.Root));
    }

    [Fact]
    public void The_suite_must_compare_the_fifteen_upstream_files()
    {
        Assert.True(SharedFixtures.Available, SharedFixtures.RequireRoot());
        Assert.Equal(15, EquivalentFiles().Count());
    }
}
