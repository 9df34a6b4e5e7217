using System.Text.Json;

namespace NodeManager.Simulators;

/// <summary>
/// A simulator's state kept in a JSON file across restarts: read once at start, rewritten whole after changes through
/// a temporary file and a rename, so a crash or Ctrl-C never leaves half a file.
/// </summary>
internal static class JsonStateFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The saved document, or null when the file does not exist; an unreadable file fails naming it and <paramref name="owner"/>.</summary>
    public static T? Load<T>(string path, string owner, Func<T, string?>? validate = null) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            var document = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException("the file holds null");
            return validate?.Invoke(document) is { } problem ? throw new InvalidDataException(problem) : document;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"{owner} state file {Path.GetFullPath(path)} cannot be read: {e.Message}", e);
        }
    }

    public static void Save<T>(string path, T document)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, document, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, full, overwrite: true);
    }
}
