using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NodeManager.OpenStack.Credentials;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;

namespace NodeManager.OpenStack.Identity;

/// <summary>
/// Holds the current token: issues one on first use, reuses it until <c>expires_at − refresh margin</c>
/// (on the injected clock), and lets exactly one caller re-authenticate when it goes stale.
/// </summary>
internal sealed class KeystoneSession(
    OpenStackCredentials credentials, OpenStackTransport transport, TimeSpan refreshMargin, TimeProvider time, ILogger log) : IDisposable
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeystoneToken? _token;

    public OpenStackCredentials Credentials => credentials;

    public async Task<KeystoneToken> GetTokenAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref _token);
        if (current is not null && IsFresh(current)) return current;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            current = _token;
            if (current is not null && IsFresh(current)) return current;
            var issued = await IssueAsync(ct).ConfigureAwait(false);
            Volatile.Write(ref _token, issued);
            return issued;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="stale"/> (a 401 answered it) unless another caller already replaced it.</summary>
    public void Invalidate(KeystoneToken stale) => Interlocked.CompareExchange(ref _token, null, stale);

    private bool IsFresh(KeystoneToken token) => time.GetUtcNow() < token.ExpiresAt - refreshMargin;

    private async Task<KeystoneToken> IssueAsync(CancellationToken ct)
    {
        var body = KeystoneAuthRequest.Build(credentials);
        // Issuing a token twice is harmless, so unlike other POSTs this one is retried after timeouts and 5xx.
        var response = await transport.SendAsync(HttpMethod.Post, KeystoneAuthRequest.TokensUrl(credentials.AuthUrl), body, NoHeaders, ct, idempotent: true,
                operation: CloudOperation.IssueToken)
            .ConfigureAwait(false);
        var value = response.Header("X-Subject-Token")
            ?? throw new UnauthorizedException("POST /v3/auth/tokens", "Keystone answered without an X-Subject-Token header", response.RequestId);
        using var doc = response.Json();
        var token = doc.RootElement.Prop("token") ?? throw new JsonException("Keystone answer has no 'token' object");
        // A token without expires_at is treated as short-lived so that it is renewed soon rather than never.
        var expires = token.Time("expires_at") ?? time.GetUtcNow() + refreshMargin + TimeSpan.FromMinutes(1);
        var project = token.Prop("project");
        var issued = new KeystoneToken(value, expires, ServiceCatalog.Parse(token),
            project?.Str("id"), project?.Str("name"), token.Prop("user")?.Str("id"));
        TransportLog.TokenIssued(log, credentials.Source, expires);
        return issued;
    }

    public void Dispose() => _gate.Dispose();
}
