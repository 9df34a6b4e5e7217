using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using NodeManager.Hosting;
using NodeManager.Tests.Support;

namespace NodeManager.Tests.Hosting;

/// <summary>The check every member runs on a peer's certificate during the TLS handshake.</summary>
public sealed class MemberCertificateCheckSpec : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nodemgr-tls-check-");
    private readonly TestCertificates _certificates;
    private readonly X509Certificate2Collection _authorities;

    public MemberCertificateCheckSpec()
    {
        _certificates = new TestCertificates(_directory.FullName);
        _authorities = [X509CertificateLoader.LoadCertificate(_certificates.Ca.RawData)];
    }

    [Fact]
    public void A_peer_certificate_signed_by_the_CA_must_be_admitted_even_though_the_system_does_not_trust_the_CA()
    {
        using var member = _certificates.SignedByCa("member-2");
        var check = new MemberCertificateCheck(_authorities, validateHostname: false);

        Assert.True(check.Validate(member, null, "member-2", SslPolicyErrors.RemoteCertificateChainErrors, NoLogger.Instance));
    }

    [Fact]
    public void A_self_signed_peer_certificate_must_be_refused_with_the_reason()
    {
        _certificates.SelfSigned("rogue", out var pem);
        using var rogue = X509CertificateLoader.LoadCertificateFromFile(pem);
        var check = new MemberCertificateCheck(_authorities, validateHostname: false);

        Assert.False(check.Validate(rogue, null, "rogue", SslPolicyErrors.RemoteCertificateChainErrors, NoLogger.Instance));
        Assert.NotNull(MemberCertificateCheck.Verify(rogue, _authorities, extra: null));
    }

    [Fact]
    public void A_peer_without_a_certificate_must_be_refused()
    {
        var check = new MemberCertificateCheck(_authorities, validateHostname: false);

        Assert.False(check.Validate(null, null, "plain", SslPolicyErrors.RemoteCertificateNotAvailable, NoLogger.Instance));
    }

    [Fact]
    public void With_the_hostname_check_on_a_CA_signed_certificate_naming_another_host_must_be_refused()
    {
        using var member = _certificates.SignedByCa("member-2");

        Assert.False(new MemberCertificateCheck(_authorities, validateHostname: true)
            .Validate(member, null, "member-2", SslPolicyErrors.RemoteCertificateNameMismatch, NoLogger.Instance));
        Assert.True(new MemberCertificateCheck(_authorities, validateHostname: false)
            .Validate(member, null, "member-2", SslPolicyErrors.RemoteCertificateNameMismatch, NoLogger.Instance));
    }

    public void Dispose()
    {
        foreach (var authority in _authorities)
        {
            authority.Dispose();
        }

        _certificates.Dispose();
        _directory.Delete(recursive: true);
    }
}
