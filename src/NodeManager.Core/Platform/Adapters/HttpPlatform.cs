using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NodeManager.Core.Platform.Adapters;

/// <summary>
/// Node operations as a webhook: POST <c>{url}/{operation}</c> with <c>{district, profile, fqdn, gear, target}</c>;
/// 2xx is success; list-gears answers <c>{"gears": [...]}</c>, node-ready <c>{"ready": bool}</c>.
/// The bearer token is sent but never logged.
/// </summary>
public sealed class HttpPlatform(HttpClient http, PlatformSettings settings, TimeProvider time) : IPlatform
{
    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        Post(PlatformSettings.AddNode, node, null, null, cancellationToken);

    public async Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        var body = await Post(PlatformSettings.NodeReady, node, null, null, cancellationToken).ConfigureAwait(false);
        return Read(body, PlatformSettings.NodeReady, node, doc => doc.RootElement.GetProperty("ready").GetBoolean());
    }

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        Post(PlatformSettings.DeactivateNode, node, null, null, cancellationToken);

    public async Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        var body = await Post(PlatformSettings.ListGears, node, null, null, cancellationToken).ConfigureAwait(false);
        return Read<IReadOnlyList<string>>(body, PlatformSettings.ListGears, node,
            doc => [.. doc.RootElement.GetProperty("gears").EnumerateArray().Select(g => g.GetString() ?? "")]);
    }

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) =>
        Post(PlatformSettings.MoveGear, node, gear, targetHost, cancellationToken);

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        Post(PlatformSettings.RemoveNode, node, null, null, cancellationToken);

    private Task<string> Post(string op, PlatformNode node, string? gear, string? target, CancellationToken ct) =>
        HttpCalls.SendAsync(http, $"{op} {node.Host}", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Url.TrimEnd('/') + "/" + op))
            {
                Content = JsonContent.Create(new { district = node.District, profile = node.Profile, fqdn = node.Host, gear, target }),
            };
            if (settings.Token.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
            return request;
        }, settings.Timeout, time, ct);

    private static T Read<T>(string body, string op, PlatformNode node, Func<JsonDocument, T> read)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return read(doc);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PlatformException($"{op} {node.Host}", $"unexpected answer: {e.Message}", innerException: e);
        }
    }
}
