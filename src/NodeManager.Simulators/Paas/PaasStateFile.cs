namespace NodeManager.Simulators.Paas;

/// <summary>
/// The PaaS simulator's nodes written to a JSON file, so that a node that was active is still there after a restart,
/// with its gears, ready time and deactivated flag. The demand curve is not kept: it starts again from its beginning.
/// </summary>
internal static class PaasStateFile
{
    internal sealed record Document(long NextGear, List<NodeEntry> Nodes);

    internal sealed record NodeEntry(string Host, string District, string Profile, DateTimeOffset ReadyAt, bool Active, List<string> Gears);

    /// <summary>The saved document, or null when the file does not exist; an unreadable file fails naming it.</summary>
    public static Document? Load(string path) =>
        JsonStateFile.Load<Document>(path, "PaaS simulator", d => d.Nodes is null ? "no \"nodes\" list" : null);

    public static void Save(string path, Document document) => JsonStateFile.Save(path, document);
}
