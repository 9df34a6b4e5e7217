using System.Runtime.CompilerServices;

namespace NodeManager.Hocon.Tests;

/// <summary>
/// Finds ../shared/fixtures (read in place, never copied): NODEMANAGER_SHARED, else the first "shared/fixtures" found
/// walking up from the test assembly, the working directory or this source file (builds may live outside the tree).
/// </summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string?> Root = new(() => Locate());

    public static string Hocon => Path.Combine(RequireRoot(), "hocon");

    public static string Lightbend => Path.Combine(Hocon, "lightbend");

    public static bool Available => Root.Value is not null && Directory.Exists(Path.Combine(Root.Value, "hocon", "lightbend"));

    public static string RequireRoot() => Root.Value ?? throw new InvalidOperationException(
        "FIXTURES MISSING: ../shared/fixtures was not found (set NODEMANAGER_SHARED to the folder holding fixtures/); " +
        "the HOCON conformance suite cannot run without the Lightbend files.");

    private static string? Locate([CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("NODEMANAGER_SHARED") is { Length: > 0 } shared)
        {
            var candidate = Path.GetFileName(shared.TrimEnd('/')) == "fixtures" ? shared : Path.Combine(shared, "fixtures");
            return Directory.Exists(candidate) ? candidate : null;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(source) })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
