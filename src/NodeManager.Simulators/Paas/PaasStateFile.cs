using System.Text.Json;

namespace NodeManager.Simulators.Paas;

/// <summary>
/// The PaaS simulator's nodes written to a JSON file, so that a node that was active is still there after a restart,
/// with its gears, ready time and deactivated flag. The demand curve is not kept: it starts again from its beginning.
/// </summary>
internal static class PaasStateFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    internal sealed record Document(long NextGear, List<NodeEntry> Nodes);

    internal sealed record NodeEntry(string Host, string District, string Profile, DateTimeOffset ReadyAt, bool Active, List<string> Gears);

    /// <summary>The saved document, or null when the file does not exist; an unreadable file fails naming it.</summary>
    public static Document? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json) ?? throw new InvalidDataException("the file holds null");
            return document.Nodes is null ? throw new InvalidDataException("no \"nodes\" list") : document;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"PaaS simulator state file {Path.GetFullPath(path)} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Written through a temporary file and a rename, so a crash never leaves half a file.</summary>
    public static void Save(string path, Document document) => AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(document, Json));
}
