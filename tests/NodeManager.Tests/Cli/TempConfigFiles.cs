namespace NodeManager.Tests.Cli;

/// <summary>Operator files in a temporary directory, deleted with it.</summary>
internal sealed class TempConfigFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nodemgr-cli-");

    public string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_directory.FullName, name);

    public void Dispose() => _directory.Delete(recursive: true);
}
