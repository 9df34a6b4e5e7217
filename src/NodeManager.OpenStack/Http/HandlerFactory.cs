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
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (errors == SslPolicyErrors.None) return true;
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(roots);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }
        return handler;
    }
}
