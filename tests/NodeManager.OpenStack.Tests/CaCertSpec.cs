using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NodeManager.OpenStack.Http;

namespace NodeManager.OpenStack.Tests;

/// <summary>OS_CACERT: a private CA makes the cloud's certificate trusted, and nothing else is forgiven.</summary>
public sealed class CaCertSpec
{
    private static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    private static X509Certificate2 Leaf(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=keystone.example.com", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.Create(ca, now.AddDays(-1), now.AddDays(10), [1, 2, 3, 4]);
    }

    [Fact]
    public void A_certificate_issued_by_the_private_ca_must_be_trusted_and_one_from_another_ca_must_not()
    {
        using var ca = Ca("Cloud Private CA");
        using var other = Ca("Someone Else");
        using var leaf = Leaf(ca);
        using var stranger = Leaf(other);
        var roots = new X509Certificate2Collection(ca);
        Assert.True(HandlerFactory.TrustedBy(roots, leaf, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(HandlerFactory.TrustedBy(roots, stranger, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void A_name_mismatch_or_a_missing_certificate_must_never_be_forgiven()
    {
        using var ca = Ca("Cloud Private CA");
        using var leaf = Leaf(ca);
        var roots = new X509Certificate2Collection(ca);
        Assert.False(HandlerFactory.TrustedBy(roots, leaf, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(HandlerFactory.TrustedBy(roots, null, SslPolicyErrors.RemoteCertificateNotAvailable));
        Assert.True(HandlerFactory.TrustedBy(roots, leaf, SslPolicyErrors.None));
    }

    [Fact]
    public void The_pem_bundle_named_by_the_credentials_must_be_loaded_into_the_handler()
    {
        using var ca = Ca("Cloud Private CA");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, ca.ExportCertificatePem());
            using var handler = Assert.IsType<SocketsHttpHandler>(HandlerFactory.Create(4, file));
            Assert.NotNull(handler.SslOptions.RemoteCertificateValidationCallback);
            Assert.Equal(4, handler.MaxConnectionsPerServer);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
