using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Identity;

namespace NodeManager.OpenStack.Http;

/// <summary>
/// Authenticated calls to one service: finds the endpoint in the token's catalog, adds X-Auth-Token,
/// and on a 401 re-authenticates once and repeats the call (a token can be revoked before it expires).
/// </summary>
internal sealed class OpenStackSession(KeystoneSession keystone, OpenStackTransport transport, ILogger log)
{
    private BaseUrls? _baseUrls;

    public KeystoneSession Keystone => keystone;

    public async Task<string> BaseUrlAsync(ServiceKind service, CancellationToken ct)
    {
        var token = await keystone.GetTokenAsync(ct).ConfigureAwait(false);
        return BaseUrl(token, service);
    }

    private string BaseUrl(KeystoneToken token, ServiceKind service)
    {
        // Looked up once per token and service: the catalog only changes with a new token.
        var cached = Volatile.Read(ref _baseUrls);
        if (cached?.Token == token && cached.Urls.TryGetValue(service, out var url)) return url;
        var c = keystone.Credentials;
        url = service.BaseUrl(token.Catalog.Find(service.CatalogTypes, c.Interface, c.RegionName).Url);
        var urls = cached?.Token == token ? new Dictionary<ServiceKind, string>(cached.Urls) : new Dictionary<ServiceKind, string>();
        urls[service] = url;
        Volatile.Write(ref _baseUrls, new BaseUrls(token, urls));
        return url;
    }

    /// <param name="pathAndQuery">Relative to the service's base URL, starting with '/'.</param>
    public async Task<ApiResponse> SendAsync(ServiceKind service, HttpMethod method, string pathAndQuery, JsonNode? body,
        CancellationToken ct, params KeyValuePair<string, string>[] headers)
    {
        var token = await keystone.GetTokenAsync(ct).ConfigureAwait(false);
        var operation = CloudOperation.For(service, method, pathAndQuery);
        try
        {
            return await transport.SendAsync(method, BaseUrl(token, service) + pathAndQuery, body, WithToken(headers, token), ct, operation: operation)
                .ConfigureAwait(false);
        }
        catch (UnauthorizedException e)
        {
            TransportLog.Reauthenticating(log, e.Call);
            keystone.Invalidate(token);
            token = await keystone.GetTokenAsync(ct).ConfigureAwait(false);
            return await transport.SendAsync(method, BaseUrl(token, service) + pathAndQuery, body, WithToken(headers, token), ct, operation: operation)
                .ConfigureAwait(false);
        }
    }

    private static KeyValuePair<string, string>[] WithToken(KeyValuePair<string, string>[] headers, KeystoneToken token)
    {
        var all = new KeyValuePair<string, string>[headers.Length + 1];
        all[0] = new("X-Auth-Token", token.Value);
        headers.CopyTo(all, 1);
        return all;
    }
}

/// <summary>The base URL per service for one token (immutable; replaced whole).</summary>
internal sealed record BaseUrls(KeystoneToken Token, IReadOnlyDictionary<ServiceKind, string> Urls);
