using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Remote.Transport.DotNetty;
using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>
/// TLS between members with mutual authentication: Akka.Remote's own keys under <c>akka.remote.dot-netty.tcp</c>
/// (<c>enable-ssl</c>, this member's PKCS#12 file in <c>ssl.certificate.path</c> and <c>.password</c>,
/// <c>ssl.validate-certificate-hostname</c>) and the certificate authority every member's certificate must chain to,
/// <c>node-manager.cluster-tls.ca-certificate</c>. Akka.Remote asks every peer for its certificate in both directions;
/// it can check a peer only against the system's trust store, which would admit any certificate a public CA issued, so
/// the member hands Akka a validator of its own (<see cref="MemberCertificateCheck"/>) that admits only certificates
/// chaining to the operator's CA.
/// </summary>
/// <param name="Certificate">This member's certificate with its private key, presented as server and as client.</param>
/// <param name="Authorities">The CA certificates a peer's certificate must chain to (no other root is trusted).</param>
/// <param name="ValidateHostname">Whether a member it connects to must present a certificate naming the host it dialled.</param>
public sealed record RemoteTlsSettings(X509Certificate2 Certificate, X509Certificate2Collection Authorities, bool ValidateHostname)
{
    private const string Tcp = "akka.remote.dot-netty.tcp";
    public const string EnablePath = Tcp + ".enable-ssl";
    public const string CertificatePath = Tcp + ".ssl.certificate.path";
    public const string PasswordPath = Tcp + ".ssl.certificate.password";
    public const string MutualPath = Tcp + ".ssl.require-mutual-authentication";
    public const string HostnamePath = Tcp + ".ssl.validate-certificate-hostname";
    public const string SuppressPath = Tcp + ".ssl.suppress-validation";
    public const string CaPath = "node-manager.cluster-tls.ca-certificate";

    // Akka's other ways to name a certificate (a store by thumbprint or by common name) bypass the file this member
    // checks at start; they are refused rather than silently ignored.
    private const string ThumbprintPath = Tcp + ".ssl.certificate.use-thumbprint-over-file";
    private const string CommonNamePath = Tcp + ".ssl.certificate.common-name";

    /// <summary>The settings, or null when <c>enable-ssl</c> is off (members talk plain TCP).</summary>
    /// <exception cref="ConfigException">One key is wrong (a file that cannot be read names the file).</exception>
    /// <exception cref="ConfigErrorsException">Several are.</exception>
    public static RemoteTlsSettings? Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reader = new SettingsReader(config);
        var enabled = config.HasPath(EnablePath) && reader.Boolean(EnablePath);
        CheckSeedNodes(config, reader, enabled);
        var caFile = reader.String(CaPath);
        if (!enabled)
        {
            return reader.Result<RemoteTlsSettings?>(null);
        }

        var mutual = reader.Boolean(MutualPath);
        reader.Require(mutual, MutualPath,
            "must stay on with enable-ssl: off lets any process connect without a certificate, which is what TLS between members is for");
        var suppress = reader.Boolean(SuppressPath);
        reader.Require(!suppress, SuppressPath,
            $"must stay off: on admits every certificate; members are checked against {CaPath} instead");
        reader.Require(!(config.HasPath(ThumbprintPath) && reader.Boolean(ThumbprintPath)), ThumbprintPath,
            $"is not supported: NodeManager reads this member's certificate from {CertificatePath}");
        reader.Require(!(config.HasPath(CommonNamePath) && reader.String(CommonNamePath).Length > 0), CommonNamePath,
            $"is not supported: NodeManager reads this member's certificate from {CertificatePath}");

        var validateHostname = reader.Boolean(HostnamePath);
        var certificate = LoadCertificate(config, reader);
        var authorities = LoadAuthorities(caFile, reader);
        if (certificate is not null && authorities is not null)
        {
            // Every peer would refuse this member's own certificate: say so now, not as handshake failures later.
            var verdict = MemberCertificateCheck.Verify(certificate, authorities, extra: null);
            reader.Require(verdict is null, CertificatePath,
                $"{config.GetString(CertificatePath)} does not chain to the CA of {CaPath} ({verdict}), so every other member would refuse it",
                CaPath);
        }

        return reader.Result(certificate is null || authorities is null
            ? null
            : new RemoteTlsSettings(certificate, authorities, validateHostname));
    }

    /// <summary>
    /// What Akka.Remote is given in place of its <c>ssl</c> keys: this member's certificate, mutual authentication, and
    /// <see cref="MemberCertificateCheck"/> as the validator of every peer's certificate, in both directions.
    /// </summary>
    public DotNettySslSetup ToSetup() =>
        new(Certificate, suppressValidation: false, requireMutualAuthentication: true, validateCertificateHostname: ValidateHostname,
            customValidator: new MemberCertificateCheck(Authorities, ValidateHostname).Validate);

    private static X509Certificate2? LoadCertificate(Config config, SettingsReader reader)
    {
        var path = reader.String(CertificatePath);
        var password = reader.String(PasswordPath);
        if (path.Length == 0)
        {
            reader.Require(false, CertificatePath, "is empty; with enable-ssl on it names this member's PKCS#12 file (certificate and key)");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reader.Require(false, CertificatePath, $"cannot read {path}: {e.Message}");
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (CryptographicException e)
        {
            // A PKCS#12 file that does not open is, almost always, the wrong password; the message keeps the library's word.
            reader.Require(false, PasswordPath, $"does not open {path} (a PKCS#12 file with this member's certificate and key): {e.Message}");
            return null;
        }

        var now = DateTime.Now;
        reader.Require(certificate.HasPrivateKey, CertificatePath, $"{path} holds no private key; export the certificate with its key (openssl pkcs12 -export)");
        reader.Require(certificate.NotBefore <= now && now <= certificate.NotAfter, CertificatePath,
            $"the certificate in {path} is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u}, not now");
        return certificate;
    }

    private static X509Certificate2Collection? LoadAuthorities(string path, SettingsReader reader)
    {
        if (path.Length == 0)
        {
            reader.Require(false, CaPath, $"is empty; with {EnablePath} on it names the CA certificate (PEM) every member's certificate is signed by");
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
            if (authorities.Count == 0)
            {
                // Not PEM: one DER certificate.
                authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            reader.Require(false, CaPath, $"cannot read a CA certificate from {path}: {e.Message}");
            return null;
        }

        return authorities;
    }

    // With TLS on Akka.Remote names members akka.ssl.tcp://…, without it akka.tcp://…: a seed node of the other kind is
    // never reached, and the member would wait for a cluster that never answers.
    private static void CheckSeedNodes(Config config, SettingsReader reader, bool enabled)
    {
        if (!config.HasPath(ClusterMembership.SeedNodesPath))
        {
            return;
        }

        var scheme = enabled ? "akka.ssl.tcp://" : "akka.tcp://";
        var wrong = reader.StringList(ClusterMembership.SeedNodesPath)
            .Where(seed => seed.Contains("://", StringComparison.Ordinal) && !seed.StartsWith(scheme, StringComparison.Ordinal))
            .ToList();
        reader.Require(wrong.Count == 0, ClusterMembership.SeedNodesPath,
            $"{string.Join(", ", wrong)}: with {EnablePath} {(enabled ? "on" : "off")} members' addresses start with {scheme}", EnablePath);
    }
}
