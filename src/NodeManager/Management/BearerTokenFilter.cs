using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NodeManager.Management;

/// <summary>
/// Guards the mutating routes: 403 when no token is configured (operator actions are refused, never open), 401 with
/// <c>WWW-Authenticate: Bearer</c> when the request carries no known bearer secret. Secrets are compared in constant time
/// and never echoed; the matching token's name is left in <see cref="OperatorName"/> for the route to journal as who acted.
/// </summary>
internal sealed class BearerTokenFilter(ManagementSettings settings) : IEndpointFilter
{
    private const string NameItem = "nodemanager.operator";

    // Hashes, so that every comparison is of equal length: FixedTimeEquals answers at once when lengths differ.
    private readonly (string Name, byte[] SecretHash)[] _tokens =
        [.. settings.Tokens.Select(t => (t.Name, SHA256.HashData(Encoding.UTF8.GetBytes(t.Secret))))];

    /// <summary>The name of the token that authenticated this request (set by the filter before the route runs).</summary>
    public static string OperatorName(HttpContext context) => (string)context.Items[NameItem]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (_tokens.Length == 0)
        {
            return Problems.Problem(StatusCodes.Status403Forbidden, "auth-not-configured", "Operator actions are not enabled",
                "No token is configured (node-manager.management.auth.tokens), so operator actions are refused.");
        }

        if (Authenticate(http.Request.Headers.Authorization.ToString()) is not { } name)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized",
                "This action needs 'Authorization: Bearer <secret>' with a secret of node-manager.management.auth.tokens.");
        }

        http.Items[NameItem] = name;
        return await next(context);
    }

    /// <summary>The name of the token whose secret <paramref name="header"/> carries, or null.</summary>
    private string? Authenticate(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        string? match = null;
        // Every token is compared, so the time taken says nothing about which one (or how much of one) matched.
        foreach (var (name, secretHash) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, secretHash))
            {
                match ??= name;
            }
        }

        return match;
    }
}
