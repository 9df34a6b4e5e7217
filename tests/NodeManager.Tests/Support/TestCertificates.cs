using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NodeManager.Tests.Support;

/// <summary>
/// Certificates a test makes for itself, as an operator would with openssl: a CA, member certificates it signs (for
/// serverAuth and clientAuth, naming 127.0.0.1 and localhost), and self-signed ones no CA vouches for. ECDSA P-256
/// keys, quick to make; files go under <paramref name="directory"/>, which the test owns and deletes.
/// </summary>
internal sealed class TestCertificates(string directory) : IDisposable
{
    public const string Password = "test-only-password";

    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2 _ca = MakeCa("CN=NodeManager test CA");

    /// <summary>The CA certificate as PEM (<c>node-manager.cluster-tls.ca-certificate</c>).</summary>
    public string CaFile { get; } = Path.Combine(directory, "ca.pem");

    public X509Certificate2 Ca => _ca;

    /// <summary>Writes the CA's PEM file; call once before naming <see cref="CaFile"/>.</summary>
    public TestCertificates WriteCa()
    {
        File.WriteAllText(CaFile, _ca.ExportCertificatePem());
        return this;
    }

    /// <summary>A member certificate signed by the CA, with its key, as a PKCS#12 file named <paramref name="name"/>.p12.</summary>
    public string Member(string name) => Write(name, SignedByCa(name));

    /// <summary>A self-signed certificate shaped like a member's, with its key, that the CA never signed.</summary>
    public string SelfSigned(string name, out string pem)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = MemberRequest(name, key);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        pem = Path.Combine(directory, name + ".pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        return Write(name, certificate);
    }

    /// <summary>A member certificate signed by the CA, in memory (with its key).</summary>
    public X509Certificate2 SignedByCa(string name)
    {
        // Not disposed: the certificate returned uses this key.
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = MemberRequest(name, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var signed = request.Create(_ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        return signed.CopyWithPrivateKey(key);
    }

    public void Dispose() => _ca.Dispose();

    private string Write(string name, X509Certificate2 certificate)
    {
        var path = Path.Combine(directory, name + ".p12");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    private static X509Certificate2 MakeCa(string subject)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static CertificateRequest MemberRequest(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth, ClientAuth], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request;
    }
}
