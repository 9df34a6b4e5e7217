using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NodeManager.OpenStack.Http;

/// <summary>
/// A successful (2xx) answer: status, body and the headers the client reads. The body is kept as the UTF-8 bytes
/// that arrived, so that parsing it needs no transcoding.
/// </summary>
public sealed class ApiResponse(int status, ReadOnlyMemory<byte> body, HttpResponseHeaders headers, string? requestId)
{
    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();

    public int Status { get; } = status;
    public ReadOnlyMemory<byte> Body { get; } = body;
    public HttpResponseHeaders Headers { get; } = headers;
    public string? RequestId { get; } = requestId;

    /// <summary>No body at all, or only whitespace (Nova's 202 attach from 2.101, every 204).</summary>
    public bool IsEmpty => Body.Span.Trim(" \t\r\n"u8).IsEmpty;

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The body as JSON (an empty body reads as <c>{}</c>); throws <see cref="JsonException"/> if it is not JSON.</summary>
    public JsonDocument Json() => JsonDocument.Parse(IsEmpty ? EmptyObject : Body);

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
