using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using NodeManager.Cli;
using NodeManager.Core.Platform;
using NodeManager.Core.Platform.Adapters;

namespace NodeManager.Tests.Cli;

/// <summary>`nodemgr simulate openstack` and `nodemgr simulate paas` follow the exit codes of every sub-command and never show a stack trace.</summary>
public sealed class SimulateCommandSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempConfigFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Theory]
    [InlineData("openstack", "70000")]
    [InlineData("openstack", "-1")]
    [InlineData("paas", "70000")]
    public async Task A_port_out_of_range_must_exit_2_naming_the_option(string simulator, string port)
    {
        var code = await Invoke("simulate", simulator, "--port", port);

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

    [Theory]
    [InlineData("openstack")]
    [InlineData("paas")]
    public async Task A_bad_setting_must_exit_2_with_file_line_and_key(string simulator)
    {
        var file = _files.Write("sim.conf", $"node-manager.simulators.{simulator}.port = 70000\n");

        var code = await Invoke("simulate", simulator, "--config", file);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.StartsWith($"nodemgr simulate {simulator}: {file}:1:", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains($"node-manager.simulators.{simulator}.port", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_must_offer_only_the_simulators_that_exist()
    {
        var simulate = NodemgrCli.Build().Subcommands.Single(c => c.Name == "simulate");

        Assert.Equal(["openstack", "paas"], simulate.Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("openstack")]
    [InlineData("paas")]
    public async Task A_port_in_use_must_exit_1_with_one_line_and_no_stack_trace(string simulator)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var nodemgr = NodemgrProcess.Start(Path.GetTempPath(), "simulate", simulator, "--port", port);

        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(code == ExitCodes.Failure, $"exit {code}\n{nodemgr.Output}");
        var line = Assert.Single(nodemgr.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"nodemgr simulate {simulator}: failed to start: ", line, StringComparison.Ordinal);
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

    [Fact]
    public async Task The_paas_simulator_must_serve_its_districts_to_the_http_capacity_source_and_exit_0_on_SIGTERM()
    {
        var config = _files.Write("paas.conf", """
            node-manager.simulators.paas {
              ready-delay = 0s
              districts = [ { name = "district-a", profile = "small", uid-capacity = 600, demand = [ { at = 0s, gears = 7 } ] } ]
              state-file = "paas-state.json"
            }
            """);
        using var nodemgr = NodemgrProcess.Start(Path.GetDirectoryName(config)!, "simulate", "paas", "--port", "0", "--config", config);
        var baseUri = await nodemgr.SimulatorListening.WaitAsync(Limit);
        using var http = new HttpClient { Timeout = Limit };
        var platform = new HttpPlatform(http, new PlatformSettings(PlatformAdapterKind.Http, Limit) { Url = new Uri(baseUri, "platform/test").ToString() }, TimeProvider.System);

        await platform.AddNodeAsync(new PlatformNode("district-a", "small", "district-a-1.example.com"), CancellationToken.None).WaitAsync(Limit);
        var document = await new HttpCapacitySource(http, new Uri(baseUri, "capacity"), Limit, TimeProvider.System).ReadAsync(CancellationToken.None).WaitAsync(Limit);
        nodemgr.Signal("TERM");
        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(baseUri.IsLoopback && baseUri.Port > 0, nodemgr.Output);
        var district = Assert.Single(document.Districts);
        Assert.Equal(("district-a", 600, 7), (district.Name, district.UidCapacity, district.UidsAllocated));
        Assert.Equal(7, Assert.Single(document.Nodes).ActiveGears);
        Assert.Contains($"http.url = \"{baseUri}platform/member-1\"", nodemgr.Stdout, StringComparison.Ordinal);
        Assert.True(code == ExitCodes.Success, $"exit {code}\n{nodemgr.Output}");
        Assert.True(nodemgr.Stderr.Length == 0, nodemgr.Output);
        Assert.Contains("district-a-1.example.com", await File.ReadAllTextAsync(_files.PathOf("paas-state.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_paas_state_file_must_exit_1_naming_the_file()
    {
        var state = _files.Write("paas-state.json", "{ not json");
        var config = _files.Write("paas.conf", $"node-manager.simulators.paas.state-file = \"{state}\"\n");
        using var nodemgr = NodemgrProcess.Start(Path.GetDirectoryName(config)!, "simulate", "paas", "--config", config);

        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(code == ExitCodes.Failure, $"exit {code}\n{nodemgr.Output}");
        var line = Assert.Single(nodemgr.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("nodemgr simulate paas: failed to start: ", line, StringComparison.Ordinal);
        Assert.Contains(state, line, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private Task<int> Invoke(params string[] args) =>
        NodemgrCli.InvokeAsync(args, new InvocationConfiguration { Output = _out, Error = _err });
}
