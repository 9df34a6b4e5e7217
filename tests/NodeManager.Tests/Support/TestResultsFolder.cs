namespace NodeManager.Tests.Support;

/// <summary>
/// Where a test leaves files for people to look at (screenshots): <c>.test-results</c> at the repository's root, where
/// the build script writes the trx files and CI collects them; <c>TestResults</c> beside the test assembly when the
/// tests run outside the repository.
/// </summary>
internal static class TestResultsFolder
{
    public static string For(string subfolder)
    {
        var root = RepositoryRoot(AppContext.BaseDirectory) ?? RepositoryRoot(Environment.CurrentDirectory);
        var folder = root is null
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", subfolder)
            : Path.Combine(root, ".test-results", subfolder);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NodeManager.sln"))) return dir.FullName;
        }

        return null;
    }
}
