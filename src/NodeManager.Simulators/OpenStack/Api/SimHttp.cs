using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Small helpers shared by the simulated APIs: JSON answers, body parsing, timestamps, microversions.</summary>
internal static class SimHttp
{
    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Content(node.ToJsonString(), "application/json", Encoding.UTF8, status);

    public static IResult Empty(int status) => Results.StatusCode(status);

    public static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw new SimFaultException(400, "Malformed request body");
        }
        catch (JsonException)
        {
            throw new SimFaultException(400, "Malformed request body");
        }
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>Nova's timestamp style: <c>2013-09-03T04:01:32Z</c>.</summary>
    public static string IsoSeconds(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Python's isoformat without zone, as Cinder and Designate print: <c>2018-11-29T06:50:07.770785</c>.</summary>
    public static string IsoMicros(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>The compute microversion requested (either header Nova accepts); 2.1 when none.</summary>
    public static Version ComputeMicroversion(HttpRequest request)
    {
        string? raw = request.Headers["OpenStack-API-Version"].FirstOrDefault() is { } h && h.StartsWith("compute ", StringComparison.OrdinalIgnoreCase)
            ? h["compute ".Length..].Trim()
            : request.Headers["X-OpenStack-Nova-API-Version"].FirstOrDefault();
        return raw is not null && Version.TryParse(raw, out var v) ? v : new Version(2, 1);
    }

    public static Dictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject o
            ? o.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString())
            : [];

    public static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static JsonArray Links(string self, string bookmark) => new(
        new JsonObject { ["href"] = self, ["rel"] = "self" },
        new JsonObject { ["href"] = bookmark, ["rel"] = "bookmark" });
}
