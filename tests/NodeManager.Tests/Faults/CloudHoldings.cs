using System.Text.Json;

namespace NodeManager.Tests.Faults;

/// <summary>
/// What the simulated cloud must hold once a fault has passed: for every live node the members report, exactly one
/// server of its server name and one volume of its host name, attached to it; nothing else (no doubled server or
/// volume, none leaked), counting ones being deleted as doubles too.
/// </summary>
internal static class CloudHoldings
{
    private static readonly string[] Gone = ["Reclaimed", "Failed", "Aborted"];

    public static void AssertMatch(IReadOnlyList<JsonElement> nodes, IReadOnlyList<JsonElement> servers, IReadOnlyList<JsonElement> volumes, Func<string> describe)
    {
        var live = nodes.Where(n => !Gone.Contains(n.GetProperty("state").GetString())).ToList();
        var expectedServers = live.Select(n => n.GetProperty("serverName").GetString()!).Order(StringComparer.Ordinal).ToList();
        var expectedVolumes = live.Select(n => n.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        var serverNames = servers.Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        var volumeNames = volumes.Select(v => v.GetProperty("name").GetString() ?? "(unnamed)").Order(StringComparer.Ordinal).ToList();
        string Report() =>
            $"nodes: {string.Join(", ", nodes.Select(n => $"{n.GetProperty("name").GetString()} {n.GetProperty("state").GetString()}"))}\n" +
            $"servers: {string.Join(", ", servers.Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("status").GetString()}{(s.GetProperty("deleting").GetBoolean() ? " deleting" : "")}"))}\n" +
            $"volumes: {string.Join(", ", volumes.Select(v => $"{v.GetProperty("name").GetString()} {v.GetProperty("status").GetString()}{(v.GetProperty("deleting").GetBoolean() ? " deleting" : "")}"))}\n{describe()}";

        Assert.True(expectedServers.SequenceEqual(serverNames), $"servers must be the live nodes' servers, one each\n{Report()}");
        Assert.True(expectedVolumes.SequenceEqual(volumeNames), $"volumes must be the live nodes' volumes, one each\n{Report()}");
        var serverIds = servers.ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("id").GetString());
        foreach (var node in live)
        {
            var volume = volumes.Single(v => v.GetProperty("name").GetString() == node.GetProperty("name").GetString());
            Assert.True(
                volume.GetProperty("serverId").GetString() == serverIds[node.GetProperty("serverName").GetString()!],
                $"{node.GetProperty("name").GetString()}: its volume must be attached to its server\n{Report()}");
        }
    }
}
