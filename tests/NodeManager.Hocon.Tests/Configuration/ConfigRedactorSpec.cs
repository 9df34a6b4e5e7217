using NodeManager.Core.Configuration;

namespace NodeManager.Hocon.Tests.Configuration;

public sealed class ConfigRedactorSpec
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("os-password", true)]
    [InlineData("application-credential-secret", true)]
    [InlineData("token", true)]
    [InlineData("api-key", true)]
    [InlineData("token-refresh-margin", false)]
    [InlineData("username", false)]
    [InlineData("secret-name-hint", false)]
    public void Secret_keys_must_be_recognised_by_their_last_word(string key, bool secret)
    {
        Assert.Equal(secret, ConfigRedactor.IsSecretKey(key));
    }

    [Theory]
    [InlineData("Host=db;Username=nm;Password=hunter2;Port=5432", "Host=db;Username=nm;Password=<redacted>;Port=5432")]
    [InlineData("host=db pwd = 'hunter 2' dbname=x", "host=db pwd = <redacted> dbname=x")]
    [InlineData("postgres://nm:hunter2@db:5432/nodemanager", "postgres://nm:<redacted>@db:5432/nodemanager")]
    [InlineData("Data Source=./data/nodemanager.db", "Data Source=./data/nodemanager.db")]
    public void Passwords_inside_connection_strings_and_urls_must_be_masked(string text, string expected)
    {
        Assert.Equal(expected, ConfigRedactor.RedactEmbedded(text));
    }

    [Fact]
    public void Redact_must_mask_secret_values_and_keep_empty_ones_visible()
    {
        var root = ConfigFactory.ParseString("a { password = s3cr3t, token = \"\", tokens-used = 5, auth { application-credential-secret = x } }").Root;
        var json = ConfigRenderer.RenderJson(ConfigRedactor.Redact(root), indent: false);
        Assert.Equal("{\"a\":{\"password\":\"<redacted>\",\"token\":\"\",\"tokens-used\":5,\"auth\":{\"application-credential-secret\":\"<redacted>\"}}}", json);
    }
}
