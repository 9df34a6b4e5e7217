using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Logging;
using NodeManager.Management;
using Serilog.Events;

namespace NodeManager.Tests.Configuration;

public sealed class HostSettingsSpec
{
    [Fact]
    public void Reference_defaults_must_equal_the_records_defaults()
    {
        var reference = NodeManagerConfig.Reference;

        Assert.Equal(HostSettings.Default, HostSettings.Create(reference));
        Assert.Equal(ManagementSettings.Default, ManagementSettings.Create(reference));
        var logging = LoggingSettings.Create(reference);
        Assert.Equal(LoggingSettings.Default.Level, logging.Level);
        Assert.Equal(LoggingSettings.Default.Overrides, logging.Overrides);
        Assert.Equal(LoggingSettings.Default.Console, logging.Console);
        Assert.Equal(LoggingSettings.Default.File, logging.File);
    }

    [Fact]
    public void Two_bad_management_keys_must_both_be_reported_with_file_line_and_key()
    {
        var config = TestConfig.Over("""
            node-manager.management {
              hostname = "broker one"
              port = 70000
            }
            """);

        var errors = Assert.Throws<ConfigErrorsException>(() => ManagementSettings.Create(config)).Errors;

        Assert.Equal(
            [
                "test.conf:2:14: node-manager.management.hostname: expected an IP address, \"localhost\", \"0.0.0.0\" or \"::\", got \"broker one\"",
                "test.conf:3:10: node-manager.management.port: expected a port 0..65535, got 70000",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void The_event_feed_keys_must_be_read_and_bad_values_reported_with_file_line_and_key()
    {
        var good = TestConfig.Over("node-manager.management.events { buffer = 50, keep-alive = 2s }");
        var bad = TestConfig.Over("""
            node-manager.management.events {
              buffer = 0
              keep-alive = 0s
            }
            """);

        Assert.Equal(new EventFeedSettings(50, TimeSpan.FromSeconds(2)), ManagementSettings.Create(good).Events);
        var errors = Assert.Throws<ConfigErrorsException>(() => ManagementSettings.Create(bad)).Errors;
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("test.conf:2:12: node-manager.management.events.buffer:", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("test.conf:3:16: node-manager.management.events.keep-alive:", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_values_must_override_the_reference()
    {
        var config = TestConfig.Over("""
            node-manager {
              cluster-name = "broker-east"
              management { hostname = "0.0.0.0", port = 8600, request-timeout = 2s }
              logging {
                level = debug
                overrides = ["Akka=warn"]
                console.theme = none
                file { enabled = on, path = "/var/log/nodemanager/nm-.log", rolling-interval = hour, format = json }
              }
            }
            """);

        Assert.Equal("broker-east", HostSettings.Create(config).ClusterName);
        Assert.Equal(new ManagementSettings(true, "0.0.0.0", 8600, TimeSpan.FromSeconds(2)), ManagementSettings.Create(config));
        var logging = LoggingSettings.Create(config);
        Assert.Equal(LogEventLevel.Debug, logging.Level);
        Assert.Equal(LogEventLevel.Warning, Assert.Single(logging.Overrides).Value);
        Assert.Equal(ConsoleTheme.None, logging.Console.Theme);
        Assert.Equal(new FileLogSettings(true, "/var/log/nodemanager/nm-.log", Serilog.RollingInterval.Hour, 14, FileLogFormat.Json), logging.File);
    }

    [Theory]
    [InlineData("node-manager.management.port = 70000", "node-manager.management.port")]
    [InlineData("node-manager.management.hostname = \"broker.example.com\"", "node-manager.management.hostname")]
    [InlineData("node-manager.management.request-timeout = 0s", "node-manager.management.request-timeout")]
    [InlineData("node-manager.logging.level = loud", "node-manager.logging.level")]
    [InlineData("node-manager.logging.overrides = [\"Microsoft\"]", "node-manager.logging.overrides")]
    [InlineData("node-manager.logging.console.theme = 3", "node-manager.logging.console.theme")]
    [InlineData("node-manager.logging.file.retained-file-count = 0", "node-manager.logging.file.retained-file-count")]
    [InlineData("node-manager.cluster-name = \"two words\"", "node-manager.cluster-name")]
    public void Out_of_range_values_must_name_file_line_column_and_key(string line, string key)
    {
        var config = TestConfig.Over("\n" + line);

        var errors = HostConfiguration.Validate(config, out _);

        var error = Assert.Single(errors, e => e.Path == key);
        Assert.StartsWith($"{TestConfig.Origin}:2:", error.Message);
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Secret_redactor_must_take_passwords_secrets_tokens_and_connection_string_passwords_from_config()
    {
        var config = TestConfig.Over("""
            x {
              os-password = "hunter2-os"
              application-credential-secret = "app-cred-secret"
              auth-token = "gAAAAAB-token"
              token-refresh-margin = "300s"
              connection-string = "Host=db;Username=nm;Password=pg-pass-1"
            }
            """);

        var redactor = SecretRedactor.FromConfig(config);

        Assert.Equal(
            "*** *** *** 300s ***",
            redactor.Redact("hunter2-os app-cred-secret gAAAAAB-token 300s pg-pass-1"));
    }
}
