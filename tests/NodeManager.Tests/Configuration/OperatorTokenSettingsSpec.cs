using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Management;

namespace NodeManager.Tests.Configuration;

/// <summary><c>node-manager.management.auth.tokens</c>: read, checked at start with file, line, column and key, and redacted.</summary>
public sealed class OperatorTokenSettingsSpec
{
    private const string Secret = "s3cret-ops-token-0123";

    [Fact]
    public void No_tokens_must_be_the_default()
    {
        Assert.Empty(ManagementSettings.Create(TestConfig.Over("")).Tokens);
    }

    [Fact]
    public void Tokens_must_be_read_with_their_names_and_secrets()
    {
        var config = TestConfig.Over($$"""
            node-manager.management.auth.tokens = [ { name = "ops", secret = "{{Secret}}" }, { name = "ci.deploy", secret = "another-secret-of-16" } ]
            """);

        var tokens = ManagementSettings.Create(config).Tokens;

        Assert.Equal([new OperatorToken("ops", Secret), new OperatorToken("ci.deploy", "another-secret-of-16")], tokens);
        Assert.DoesNotContain(Secret, tokens[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_secret_a_bad_name_and_a_missing_secret_must_each_name_file_line_column_and_key()
    {
        var config = TestConfig.Over("""
            node-manager.management.auth.tokens = [
              { name = "ops", secret = "too-short" }
              { name = "two words", secret = "long-enough-secret-1" }
              { name = "unset" }
            ]
            """);

        var errors = Assert.Throws<ConfigErrorsException>(() => ManagementSettings.Create(config)).Errors.Select(e => e.Message).ToList();

        Assert.Contains("test.conf:2:28: node-manager.management.auth.tokens.0.secret: expected at least 16 characters, got 9", errors);
        Assert.Contains(errors, e => e.StartsWith("test.conf:3:", StringComparison.Ordinal) && e.Contains("node-manager.management.auth.tokens.1.name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("test.conf:4:", StringComparison.Ordinal) && e.Contains("node-manager.management.auth.tokens.2.secret", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("too-short", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_tokens_of_one_name_must_be_refused()
    {
        var config = TestConfig.Over("""
            node-manager.management.auth.tokens = [ { name = "ops", secret = "first-secret-0123456" }, { name = "ops", secret = "second-secret-012345" } ]
            """);

        var error = Assert.Throws<ConfigException>(() => ManagementSettings.Create(config));

        Assert.Contains("node-manager.management.auth.tokens.1.name: another token is already named \"ops\"", error.Message);
    }

    [Fact]
    public void A_file_with_tokens_must_pass_nodemgr_config_validate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nodemanager-tokens-{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, $$"""node-manager.management.auth.tokens = [ { name = "ops", secret = "{{Secret}}" } ]""");
        try
        {
            var errors = HostConfiguration.ValidateFiles([Path.Combine(AppContext.BaseDirectory, "demo.conf"), file]);

            Assert.Empty(errors.Select(e => e.Message));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_secret_redactor_must_know_every_token_secret()
    {
        var config = TestConfig.Over($$"""node-manager.management.auth.tokens = [ { name = "ops", secret = "{{Secret}}" } ]""");

        var redactor = SecretRedactor.FromConfig(config);

        Assert.Equal($"token {SecretRedactor.Mask} of ops", redactor.Redact($"token {Secret} of ops"));
    }
}
