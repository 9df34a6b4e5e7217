using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NodeManager.OpenStack.Http;

/// <summary>The socket handler the client uses: pooled connections, and a private CA bundle when OS_CACERT / cacert names one.</summary>
internal static class HandlerFactory
{
    public static HttpMessageHandler Create(int maxConcurrency, string? caCertFile)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(maxConcurrency, 1),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (caCertFile is { Length: > 0 })
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caCertFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(roots, certificate, errors);
        }
        return handler;
    }

    /// <summary>
    /// Accepts what the system store accepts, or a certificate whose only fault is a chain that ends in one of
    /// <paramref name="roots"/>; a name mismatch or a missing certificate is never forgiven.
    /// </summary>
    internal static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
