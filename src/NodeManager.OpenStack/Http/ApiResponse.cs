using System.Net.Http.Headers;
using System.Text.Json;

namespace NodeManager.OpenStack.Http;

/// <summary>A successful (2xx) answer: status, body text and the headers the client reads.</summary>
public sealed record ApiResponse(int Status, string Body, HttpResponseHeaders Headers, string? RequestId)
{
    /// <summary>The body as JSON; throws <see cref="JsonException"/> naming nothing secret if it is not JSON.</summary>
    public JsonDocument Json() => JsonDocument.Parse(Body.Length == 0 ? "{}" : Body);

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
