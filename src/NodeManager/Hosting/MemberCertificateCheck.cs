using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;

namespace NodeManager.Hosting;

/// <summary>
/// The check of a peer's certificate during every TLS handshake between members, in both directions: it must chain to
/// one of the operator's CA certificates (<c>node-manager.cluster-tls.ca-certificate</c>), and no other root is
/// trusted, not even the system's. With <c>validate-certificate-hostname</c> on, a member this member dials must also
/// present a certificate naming the host it dialled. A refusal is one log line naming the peer and why; the handshake
/// then fails and Akka.Remote drops the connection before any message crosses it.
/// </summary>
/// <remarks>
/// Revocation is not checked (members have no CRL or OCSP to ask): to shut a member out, issue the others' certificates
/// from a new CA, or remove its certificate and key from its host.
/// </remarks>
internal sealed class MemberCertificateCheck(X509Certificate2Collection authorities, bool validateHostname)
{
    /// <summary>Akka.Remote's <c>CertificateValidationCallback</c>: true admits the peer.</summary>
    public bool Validate(X509Certificate2? certificate, X509Chain? chain, string remotePeer, SslPolicyErrors errors, ILoggingAdapter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (certificate is null)
        {
            log.Warning("TLS between members: refused {0}, which presented no certificate", remotePeer);
            return false;
        }

        // The peer may send intermediate certificates with its own: the chain may use them, never as roots.
        var sent = chain?.ChainElements.Skip(1).Select(element => element.Certificate).ToList();
        if (Verify(certificate, authorities, sent) is { } verdict)
        {
            log.Error("TLS between members: refused {0}: its certificate {1} (issued by {2}) does not chain to the cluster's CA: {3}",
                remotePeer, certificate.Subject, certificate.Issuer, verdict);
            return false;
        }

        if (validateHostname && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            log.Error("TLS between members: refused {0}: its certificate {1} does not name the host dialled (validate-certificate-hostname is on)",
                remotePeer, certificate.Subject);
            return false;
        }

        return true;
    }

    /// <summary>Null when <paramref name="certificate"/> chains to one of <paramref name="authorities"/>; else why not.</summary>
    public static string? Verify(X509Certificate2 certificate, X509Certificate2Collection authorities, IEnumerable<X509Certificate2>? extra)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var intermediate in extra ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(intermediate);
        }

        return chain.Build(certificate)
            ? null
            : string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
    }
}
