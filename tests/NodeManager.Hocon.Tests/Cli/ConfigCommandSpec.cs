using System.CommandLine;
using NodeManager.Cli;

namespace NodeManager.Hocon.Tests.Cli;

public sealed class ConfigCommandSpec : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await NodemgrCli.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Render_must_print_the_merged_config_as_json_with_secrets_redacted()
    {
        var file = _dir.Write("ops.conf", """
            node-manager.cluster-name = prod
            node-manager.persistence.journal.connection-string = "Host=db;Username=nm;Password=hunter2"
            """);
        var (exit, output, error) = await Run("config", "render", file);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Empty(error);
        var rendered = ConfigFactory.ParseString(output, "stdout").Resolve(ConfigResolveOptions.NoEnvironment);
        Assert.Equal("prod", rendered.GetString("node-manager.cluster-name"));
        Assert.Equal(8558, rendered.GetInt("node-manager.management.port"));
        Assert.Equal("Host=db;Username=nm;Password=<redacted>", rendered.GetString("node-manager.persistence.journal.connection-string"));
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_must_type_each_value_as_its_reference_default_is()
    {
        var file = _dir.Write("ops.conf", """
            node-manager {
              management { enabled = on, port = ${?MANAGEMENT_PORT} }
              logging.file.enabled = yes
              profiles.large.volume.enabled = "on"
              scaling.high-water-mark = "85.5"
              cluster-name = "8558"
              mine = on
            }
            """);
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = ConfigResolveOptions.WithEnvironment(new Dictionary<string, string> { ["MANAGEMENT_PORT"] = "9000" });

        var exit = ConfigCommandRunner.Render([file], raw: false, output, error, environment);

        Assert.True(exit == ExitCodes.Success, error.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var nm = json.RootElement.GetProperty("node-manager");
        Assert.Equal(System.Text.Json.JsonValueKind.True, nm.GetProperty("management").GetProperty("enabled").ValueKind);
        Assert.Equal(9000, nm.GetProperty("management").GetProperty("port").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.True, nm.GetProperty("logging").GetProperty("file").GetProperty("enabled").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.True, nm.GetProperty("profiles").GetProperty("large").GetProperty("volume").GetProperty("enabled").ValueKind);
        Assert.Equal(85.5, nm.GetProperty("scaling").GetProperty("high-water-mark").GetDouble());
        // A string default stays a string however it reads; a key without a default keeps its written type.
        Assert.Equal("8558", nm.GetProperty("cluster-name").GetString());
        Assert.Equal("on", nm.GetProperty("mine").GetString());
        Assert.Equal("5s", nm.GetProperty("management").GetProperty("request-timeout").GetString());
    }

    [Fact]
    public async Task Render_raw_must_print_exactly_the_given_files_unredacted()
    {
        var file = _dir.Write("ops.conf", "a { password = hunter2, b = ${a.password} }");
        var (exit, output, _) = await Run("config", "render", "--raw", file);

        Assert.Equal(ExitCodes.Success, exit);
        var rendered = ConfigFactory.ParseString(output, "stdout").Resolve(ConfigResolveOptions.NoEnvironment);
        Assert.Equal(["a"], rendered.Keys);
        Assert.Equal("hunter2", rendered.GetString("a.b"));
    }

    [Fact]
    public async Task Render_must_exit_2_with_the_error_on_stderr_and_nothing_on_stdout()
    {
        var file = _dir.Write("bad.conf", "a = [1, 2");
        var (exit, output, error) = await Run("config", "render", file);

        Assert.Equal(ExitCodes.ConfigError, exit);
        Assert.Empty(output);
        Assert.Equal($"{file}:1:10: a: end of file inside the list opened at {file}:1:5; expected ']'", error.Trim());
    }

    [Fact]
    public async Task Validate_must_accept_a_valid_file()
    {
        var file = _dir.Write("ops.conf", "node-manager { cluster-name = prod, management.port = 9000, cloud = simulated }\nmine = 1");
        var (exit, output, error) = await Run("config", "validate", file);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Empty(error);
        Assert.Contains(file, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_must_report_every_error_with_its_origin_and_nothing_on_stdout()
    {
        var file = _dir.Write("ops.conf", """
            node-manager {
              management {
                prot = 9000
                request-timeout = soon
              }
              logging.file.retained-file-count = many
              cloud = simulated
            }
            """);
        var (exit, output, error) = await Run("config", "validate", file);

        Assert.Equal(ExitCodes.ConfigError, exit);
        Assert.Empty(output);
        Assert.Equal(
        [
            $"{file}:3:5: node-manager.management.prot: unknown key (not in reference.conf); did you mean node-manager.management.port?",
            $"{file}:4:23: node-manager.management.request-timeout: expected a duration like the default 5s, got \"soon\"",
            $"{file}:6:38: node-manager.logging.file.retained-file-count: expected an integer like the default 14, got \"many\"",
        ], error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Validate_must_report_syntax_errors_of_every_file()
    {
        var first = _dir.Write("one.conf", "a = {");
        var second = _dir.Write("two.conf", "b = \"open");
        var (exit, _, error) = await Run("config", "validate", first, second);

        Assert.Equal(ExitCodes.ConfigError, exit);
        Assert.Equal(
        [
            $"{first}:1:6: a: end of file inside the object opened at {first}:1:5; expected '}}'",
            $"{second}:1:5: b: unterminated quoted string (no closing '\"')",
        ], error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Validate_must_report_range_errors_of_the_settings_records()
    {
        var file = _dir.Write("ops.conf", "node-manager.management.port = 70000");
        var (exit, _, error) = await Run("config", "validate", file);

        Assert.Equal(ExitCodes.ConfigError, exit);
        Assert.StartsWith($"{file}:1:32: node-manager.management.port:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_must_report_every_range_error_of_one_settings_record_not_only_the_first()
    {
        var file = _dir.Write("ops.conf", """
            node-manager {
              districts.default { min-nodes = -1, max-nodes = -5 }
              scaling { high-water-mark = 120, max-concurrent-launches = 0 }
              logging { level = loud, file.retained-file-count = 0 }
              cloud = simulated
            }
            """);
        var (exit, _, error) = await Run("config", "validate", file);

        Assert.Equal(ExitCodes.ConfigError, exit);
        string[] expected =
        [
            $"{file}:2:35: node-manager.districts.default.min-nodes: must be ≥ 0, got -1",
            $"{file}:2:51: node-manager.districts.default.max-nodes: must be ≥ 0, got -5",
            $"{file}:3:31: node-manager.scaling.high-water-mark: must be a percentage in 0..100, got 120",
            $"{file}:3:62: node-manager.scaling.max-concurrent-launches: must be ≥ 1, got 0",
            $"{file}:4:54: node-manager.logging.file.retained-file-count: expected at least 1, got 0",
            $"{file}:4:21: node-manager.logging.level: expected one of verbose, debug, information, warning, error, fatal, got \"loud\"",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), error.TrimEnd().Split('\n').Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("render")]
    public async Task A_folder_given_as_a_config_file_must_be_called_a_folder(string command)
    {
        var folder = _dir.Path;
        var (exit, output, error) = await Run("config", command, folder);

        Assert.Equal(ExitCodes.ConfigError, exit);
        Assert.Empty(output);
        Assert.Equal($"{folder}: is a folder, not a config file", error.Trim());
    }

    [Fact]
    public async Task Validate_must_name_a_missing_file()
    {
        var (exit, _, error) = await Run("config", "validate", Path.Combine(_dir.Path, "nope.conf"));

        Assert.Equal(ExitCodes.ConfigError, exit);
        Assert.Equal($"{Path.Combine(_dir.Path, "nope.conf")}: file not found", error.Trim());
    }
}
