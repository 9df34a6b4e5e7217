using NodeManager.Core.Configuration;
using NodeManager.Hocon;

namespace NodeManager.Tests.Configuration;

/// <summary>An operator file named <c>test.conf</c> over the embedded reference, as <c>nodemgr run</c> would see it.</summary>
internal static class TestConfig
{
    public const string Origin = "test.conf";

    /// <summary>
    /// Over the reference as parsed, not resolved, as the host loads it: a key the reference derives from another (the
    /// snapshot store's connection string from the journal's) follows what the text sets.
    /// </summary>
    public static Config Over(string text) =>
        ConfigFactory.ParseString(text, Origin).WithFallback(NodeManagerConfig.ParseReference()).Resolve();

    /// <summary>
    /// <paramref name="text"/> over the reference with the SQLite journal in a file of its own, so that hosts started by
    /// specs never share (or lock) one journal, nor leave one in the working directory.
    /// </summary>
    public static Config WithOwnJournal(string text = "")
    {
        var file = Path.Combine(Path.GetTempPath(), "nodemanager-specs", $"{Guid.NewGuid():N}.db");
        return Over($"node-manager.persistence.journal.connection-string = \"Data Source={file}\"\n{text}");
    }
}
