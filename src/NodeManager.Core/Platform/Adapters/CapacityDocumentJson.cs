using System.Text.Json;

namespace NodeManager.Core.Platform.Adapters;

/// <summary>Reads the capacity document's JSON (README "Controller"); a malformed document is a <see cref="PlatformException"/>.</summary>
public static class CapacityDocumentJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static CapacityDocument Parse(string json, string operation)
    {
        try
        {
            var doc = JsonSerializer.Deserialize<CapacityDocument>(json, Options)
                      ?? throw new PlatformException(operation, "the capacity document is null");
            return new CapacityDocument(doc.Districts ?? [], doc.Nodes ?? []);
        }
        catch (JsonException e)
        {
            throw new PlatformException(operation, $"the capacity document is not valid JSON: {e.Message}", innerException: e);
        }
    }

    public static string Write(CapacityDocument document) => JsonSerializer.Serialize(document);
}
