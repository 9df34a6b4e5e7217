using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NodeManager.OpenStack.Tests.Support;

/// <summary>
/// The OpenStack api samples in ../shared/fixtures/openstack, read in place: NODEMANAGER_SHARED, else the first
/// "shared/fixtures" walking up from the test assembly, the working directory or this source file. Missing = loud failure.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string> RootDir = new(() => Locate() ?? throw new InvalidOperationException(
        "FIXTURES MISSING: ../shared/fixtures/openstack was not found (set NODEMANAGER_SHARED to the folder holding fixtures/)"));

    public static string Root => RootDir.Value;

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static JsonNode Node(string relative) => JsonNode.Parse(Text(relative))!;

    public static JsonDocument Document(string relative) => JsonDocument.Parse(Text(relative));

    /// <summary>Every JSON file, relative to the openstack folder, sorted.</summary>
    public static IReadOnlyList<string> AllJson() =>
        Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string? Locate([CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("NODEMANAGER_SHARED") is { Length: > 0 } shared)
        {
            var fixtures = System.IO.Path.GetFileName(shared.TrimEnd('/')) == "fixtures" ? shared : System.IO.Path.Combine(shared, "fixtures");
            var candidate = System.IO.Path.Combine(fixtures, "openstack");
            return Directory.Exists(candidate) ? candidate : null;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), System.IO.Path.GetDirectoryName(source) })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "openstack");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
