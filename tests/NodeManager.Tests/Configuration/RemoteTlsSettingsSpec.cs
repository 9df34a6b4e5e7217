using System.CommandLine;
using NodeManager.Cli;
using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Tests.Support;

namespace NodeManager.Tests.Configuration;

/// <summary>
/// TLS between members is off by default; turned on, a member starts only with a certificate it can present and a CA to
/// check its peers against, and every fault names the key, the file and where the key was written.
/// </summary>
public sealed class RemoteTlsSettingsSpec : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nodemgr-tls-settings-");
    private readonly TestCertificates _certificates;

    public RemoteTlsSettingsSpec() => _certificates = new TestCertificates(_directory.FullName).WriteCa();

    [Fact]
    public void TLS_between_members_must_be_off_by_default()
    {
        Assert.Null(RemoteTlsSettings.Create(NodeManagerConfig.Reference));
        Assert.False(NodeManagerConfig.Reference.GetBoolean(RemoteTlsSettings.EnablePath));
        Assert.True(NodeManagerConfig.Reference.GetBoolean(RemoteTlsSettings.MutualPath));
    }

    [Fact]
    public void A_member_certificate_signed_by_the_CA_must_be_loaded_with_its_key_and_the_CA()
    {
        var settings = RemoteTlsSettings.Create(TestConfig.Over(Tls(_certificates.Member("member-1"), TestCertificates.Password)));

        Assert.NotNull(settings);
        Assert.True(settings.Certificate.HasPrivateKey);
        Assert.Equal("CN=member-1", settings.Certificate.Subject);
        Assert.Equal(_certificates.Ca.Thumbprint, Assert.Single(settings.Authorities).Thumbprint);
        Assert.False(settings.ValidateHostname);
    }

    [Fact]
    public void A_missing_certificate_file_must_be_refused_naming_the_key_the_file_and_where_it_was_written()
    {
        var missing = Path.Combine(_directory.FullName, "absent.p12");

        var error = Assert.Throws<ConfigException>(() => RemoteTlsSettings.Create(TestConfig.Over(Tls(missing, "x"))));

        Assert.Equal(RemoteTlsSettings.CertificatePath, error.Path);
        Assert.StartsWith($"{TestConfig.Origin}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"cannot read {missing}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_must_be_refused_at_the_password_key_without_repeating_the_password()
    {
        var file = _certificates.Member("member-1");

        var error = Assert.Throws<ConfigException>(() => RemoteTlsSettings.Create(TestConfig.Over(Tls(file, "not-the-password"))));

        Assert.Equal(RemoteTlsSettings.PasswordPath, error.Path);
        Assert.StartsWith($"{TestConfig.Origin}:4:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"does not open {file}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_the_CA_did_not_sign_must_be_refused_at_start_not_at_every_handshake()
    {
        var rogue = _certificates.SelfSigned("rogue", out _);

        var error = Assert.Throws<ConfigException>(() => RemoteTlsSettings.Create(TestConfig.Over(Tls(rogue, TestCertificates.Password))));

        Assert.Equal(RemoteTlsSettings.CertificatePath, error.Path);
        Assert.Contains($"does not chain to the CA of {RemoteTlsSettings.CaPath}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_CA_file_and_switches_that_would_admit_anyone_must_all_be_reported_at_once()
    {
        var config = TestConfig.Over(Tls(_certificates.Member("member-1"), TestCertificates.Password, ca: "/nonexistent/ca.pem") + """

            akka.remote.dot-netty.tcp.ssl.require-mutual-authentication = off
            akka.remote.dot-netty.tcp.ssl.suppress-validation = on
            """);

        var errors = Assert.Throws<ConfigErrorsException>(() => RemoteTlsSettings.Create(config)).Errors;

        Assert.Equal(
            [RemoteTlsSettings.MutualPath, RemoteTlsSettings.SuppressPath, RemoteTlsSettings.CaPath],
            errors.Select(e => e.Path));
        Assert.Contains("cannot read a CA certificate from /nonexistent/ca.pem", errors[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("on", "akka.tcp://nodemanager@127.0.0.1:4053", "akka.ssl.tcp://")]
    [InlineData("off", "akka.ssl.tcp://nodemanager@127.0.0.1:4053", "akka.tcp://")]
    public void Seed_nodes_of_the_other_scheme_must_be_refused(string enabled, string seed, string expected)
    {
        var config = TestConfig.Over(Tls(_certificates.Member("member-1"), TestCertificates.Password) + $$"""

            akka.remote.dot-netty.tcp.enable-ssl = {{enabled}}
            akka.cluster.seed-nodes = ["{{seed}}"]
            """);

        var error = Assert.Throws<ConfigException>(() => RemoteTlsSettings.Create(config));

        Assert.Equal(ClusterMembership.SeedNodesPath, error.Path);
        Assert.Contains($"members' addresses start with {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_an_unreadable_certificate_must_exit_2_naming_file_line_column_key_and_file()
    {
        var missing = Path.Combine(_directory.FullName, "absent.p12");
        var file = Path.Combine(_directory.FullName, "member.conf");
        await File.WriteAllTextAsync(file, Tls(missing, "x"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await NodemgrCli.InvokeAsync(["run", "--config", file], new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(ExitCodes.ConfigError, code);
        // The file names no capacity source or platform, which run reports too: the certificate's line is the one here.
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(RemoteTlsSettings.CertificatePath, StringComparison.Ordinal));
        Assert.StartsWith($"{file}:3:", line, StringComparison.Ordinal);
        Assert.Contains($"{RemoteTlsSettings.CertificatePath}: cannot read {missing}", line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _certificates.Dispose();
        _directory.Delete(recursive: true);
    }

    private string Tls(string certificate, string password, string? ca = null) => $$"""
        akka.remote.dot-netty.tcp.enable-ssl = on
        akka.remote.dot-netty.tcp.ssl.certificate {
          path = "{{certificate}}"
          password = "{{password}}"
        }
        node-manager.cluster-tls.ca-certificate = "{{ca ?? _certificates.CaFile}}"
        """;
}
