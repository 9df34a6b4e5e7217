using System.CommandLine;
using NodeManager.Cli;

namespace NodeManager.Tests.Cli;

public sealed class RunCommandSpec : IDisposable
{
    private readonly TempConfigFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Theory]
    [InlineData("--config", "run")]
    [InlineData("launch-everything", "launch-everything")]
    [InlineData("--port", "run", "--port", "8558")]
    [InlineData("validate", "config", "validate")]
    public async Task Usage_errors_must_exit_2_like_config_errors_saying_what_is_wrong(string named, params string[] args)
    {
        var code = await Invoke(args);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains(named, _err.ToString());
    }

    [Fact]
    public async Task Help_must_list_run_and_succeed()
    {
        var code = await Invoke("--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("run", _out.ToString());
    }

    [Fact]
    public async Task A_missing_config_file_must_exit_2_naming_the_file()
    {
        var missing = _files.PathOf("nowhere.conf");

        var code = await Invoke("run", "--config", missing);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains("nowhere.conf", _err.ToString());
    }

    [Theory]
    [InlineData("run", "--config")]
    [InlineData("cloud", "check", "--config")]
    public async Task A_folder_given_as_a_config_file_must_exit_2_calling_it_a_folder(params string[] command)
    {
        var folder = Path.GetDirectoryName(_files.Write("nm.conf", ""))!;

        var code = await Invoke([.. command, folder]);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.EndsWith($"{folder}: is a folder, not a config file", _err.ToString().Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_must_exit_2_with_file_line_and_column()
    {
        var file = _files.Write("broken.conf", "node-manager {\n  management {\n    port = = 8558\n");

        var code = await Invoke("run", "--config", file);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Matches($@"^{Regex(file)}:\d+:\d+: ", _err.ToString());
    }

    [Fact]
    public async Task Every_bad_value_must_be_reported_as_file_line_column_key_and_exit_2()
    {
        var file = _files.Write("bad.conf", """
            node-manager {
              management.port = 70000
              logging.level = loud
              cloud = simulated
            }
            """);

        var code = await Invoke("run", "--config", file);

        Assert.Equal(ExitCodes.ConfigError, code);
        var lines = _err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{file}:2:", StringComparison.Ordinal) && l.Contains("node-manager.management.port: "));
        Assert.Contains(lines, l => l.StartsWith($"{file}:3:", StringComparison.Ordinal) && l.Contains("node-manager.logging.level: "));
    }

    [Fact]
    public async Task A_later_config_file_must_override_an_earlier_one()
    {
        var bad = _files.Write("base.conf", "node-manager.management.port = 70000\n");
        var fix = _files.Write("fix.conf", "node-manager.management.port = 99999\n");

        var code = await Invoke("run", "--config", bad, "--config", fix);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.StartsWith($"{fix}:1:", _err.ToString());
    }

    public void Dispose() => _files.Dispose();

    private Task<int> Invoke(params string[] args) =>
        NodemgrCli.InvokeAsync(args, new InvocationConfiguration { Output = _out, Error = _err });

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
