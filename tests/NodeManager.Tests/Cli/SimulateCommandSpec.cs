using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using NodeManager.Cli;
using NodeManager.Tests.Hosting;

namespace NodeManager.Tests.Cli;

/// <summary>`nodemgr simulate openstack` follows the exit codes of every sub-command and never shows a stack trace.</summary>
public sealed class SimulateCommandSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempConfigFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    public async Task A_port_out_of_range_must_exit_2_naming_the_option(string port)
    {
        var code = await Invoke("simulate", "openstack", "--port", port);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains($"--port: expected a port 0..65535, got {port}", _err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_given_as_its_config_must_exit_2_calling_it_a_folder()
    {
        var folder = Path.GetDirectoryName(_files.Write("nm.conf", ""))!;

        var code = await Invoke("simulate", "openstack", "--config", folder);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Equal($"nodemgr simulate openstack: {folder}: is a folder, not a config file", _err.ToString().Trim());
    }

    [Fact]
    public async Task A_bad_setting_must_exit_2_with_file_line_and_key()
    {
        var file = _files.Write("sim.conf", "node-manager.simulators.openstack.port = 70000\n");

        var code = await Invoke("simulate", "openstack", "--config", file);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.StartsWith($"nodemgr simulate openstack: {file}:1:", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_must_offer_only_the_simulators_that_exist()
    {
        var simulate = NodemgrCli.Build().Subcommands.Single(c => c.Name == "simulate");

        Assert.Equal(["openstack"], simulate.Subcommands.Select(c => c.Name));
    }

    [Fact]
    public async Task A_port_in_use_must_exit_1_with_one_line_and_no_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var nodemgr = NodemgrProcess.Start(Path.GetTempPath(), "simulate", "openstack", "--port", port);

        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(code == ExitCodes.Failure, $"exit {code}\n{nodemgr.Output}");
        var line = Assert.Single(nodemgr.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("nodemgr simulate openstack: failed to start: ", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", nodemgr.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    [InlineData("QUIT")]
    public async Task A_signal_must_stop_it_with_exit_0(string signal)
    {
        using var nodemgr = NodemgrProcess.Start(Path.GetTempPath(), "simulate", "openstack", "--port", "0");
        await nodemgr.StdoutLine(l => l.StartsWith("OpenStack simulator listening on", StringComparison.Ordinal)).WaitAsync(Limit);

        nodemgr.Signal(signal);
        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(code == ExitCodes.Success, $"exit {code}\n{nodemgr.Output}");
        Assert.True(nodemgr.Stderr.Length == 0, nodemgr.Output);
    }

    public void Dispose() => _files.Dispose();

    private Task<int> Invoke(params string[] args) =>
        NodemgrCli.InvokeAsync(args, new InvocationConfiguration { Output = _out, Error = _err });
}
