using System.CommandLine;
using NodeManager.Cli;
using NodeManager.Hosting;
using NodeManager.Simulators.OpenStack;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Logging;

namespace NodeManager.Tests.Hosting;

/// <summary>
/// <c>nodemgr run</c> and <c>nodemgr cloud check</c> look each profile's image, flavor and volume type up in the cloud: a
/// missing one stops the run before anything acts, in the same line <c>cloud check</c> prints.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed class ProfileCheckAtStartSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempConfigFiles _files = new();
    private readonly StringWriter _err = new();

    [Fact]
    public async Task Run_must_exit_2_with_one_line_naming_the_profile_the_key_and_what_the_cloud_has_when_it_lacks_an_image()
    {
        var file = Config("""image = "node-hots", flavor = "m1.small" """);
        var started = false;
        var options = new RunOptions([file]) { HandleSignals = false, Started = _ => started = true };

        var code = await NodeManagerService.RunAsync(options, _err, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(ExitCodes.ConfigError, code);
        var line = Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{file}:", line, StringComparison.Ordinal);
        Assert.Contains(
            "node-manager.profiles.small.image: profile small: the cloud has no image named or with id \"node-hots\"; did you mean \"node-host\"?",
            line, StringComparison.Ordinal);
        Assert.False(started);
    }

    [Fact]
    public async Task Run_must_start_when_the_cloud_has_every_profile_value()
    {
        var file = Config("""image = "node-host", flavor = "m1.small", volume { enabled = on, type = "lvmdriver-1" }""");
        var log = new CollectingSink();
        using var stop = new CancellationTokenSource();
        var options = new RunOptions([file]) { HandleSignals = false, LogSink = log, Started = _ => stop.Cancel() };

        var code = await NodeManagerService.RunAsync(options, _err, stop.Token).WaitAsync(Limit);

        Assert.True(code == ExitCodes.Success, _err.ToString());
        Assert.Contains(log.Lines, l => l.Contains("The cloud has every profile's image, flavor, volume type and network (3 looked up)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_must_start_and_warn_when_the_cloud_cannot_be_asked()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        var file = Config("""image = "node-host", flavor = "m1.small" """, $$"""
            cloud = openstack
            # A real cloud with simulated demand must be chosen on purpose.
            capacity.source = simulated
            platform.adapter = simulated
            openstack {
              auth { auth-url = "http://127.0.0.1:{{port}}/identity/v3", username = "u", password = "p", project-name = "p" }
              retry.max-retries = 0
            }
            """);
        var log = new CollectingSink();
        using var stop = new CancellationTokenSource();
        var options = new RunOptions([file]) { HandleSignals = false, LogSink = log, Started = _ => stop.Cancel() };

        var code = await NodeManagerService.RunAsync(options, _err, stop.Token).WaitAsync(Limit);

        Assert.True(code == ExitCodes.Success, _err.ToString());
        Assert.Contains(log.Lines, l => l.Contains("Profiles not checked against the cloud, which did not answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cloud_check_must_exit_3_with_the_line_run_prints_when_the_cloud_lacks_a_flavor()
    {
        await using var cloud = await OpenStackSimulator.StartAsync(new OpenStackSimulatorOptions()).WaitAsync(Limit);
        var o = cloud.Options;
        // The auth block takes precedence over every OS_* variable, so the developer's environment plays no part.
        var file = Config("""image = "node-host", flavor = "m1.smal" """, $$"""
            openstack.auth {
              auth-url = "{{cloud.AuthUrl}}", username = "{{o.Username}}", password = "{{o.Password}}"
              user-domain-name = "{{o.UserDomainName}}", project-name = "{{o.ProjectName}}", project-domain-name = "{{o.UserDomainName}}"
            }
            """);
        var (output, checkErr) = (new StringWriter(), new StringWriter());

        var checkCode = await NodemgrCli.InvokeAsync(["cloud", "check", "--config", file], new InvocationConfiguration { Output = output, Error = checkErr })
            .WaitAsync(Limit);
        var runCode = await NodeManagerService.RunAsync(new RunOptions([file]) { HandleSignals = false }, _err, CancellationToken.None).WaitAsync(Limit);

        Assert.True(checkCode == ExitCodes.CloudError, $"exit {checkCode}\n{output}\n{checkErr}");
        Assert.Contains("node-manager.profiles.small.flavor = \"m1.smal\"  MISSING (small)", output.ToString());
        var line = Assert.Single(checkErr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("node-manager.profiles.small.flavor: profile small: the cloud has no flavor named or with id \"m1.smal\"; did you mean \"m1.small\"?", line);
        Assert.Equal(ExitCodes.ConfigError, runCode);
        Assert.Equal(line, _err.ToString().Trim());
    }

    [Fact]
    public async Task Run_must_exit_2_and_cloud_check_3_with_the_same_line_when_the_cloud_lacks_a_profiles_network()
    {
        await using var cloud = await OpenStackSimulator.StartAsync(new OpenStackSimulatorOptions()).WaitAsync(Limit);
        var o = cloud.Options;
        var file = Config("""image = "node-host", flavor = "m1.small", networks = ["privat"] """, $$"""
            openstack.auth {
              auth-url = "{{cloud.AuthUrl}}", username = "{{o.Username}}", password = "{{o.Password}}"
              user-domain-name = "{{o.UserDomainName}}", project-name = "{{o.ProjectName}}", project-domain-name = "{{o.UserDomainName}}"
            }
            """);
        var (output, checkErr) = (new StringWriter(), new StringWriter());
        var started = false;

        var checkCode = await NodemgrCli.InvokeAsync(["cloud", "check", "--config", file], new InvocationConfiguration { Output = output, Error = checkErr })
            .WaitAsync(Limit);
        var runCode = await NodeManagerService.RunAsync(new RunOptions([file]) { HandleSignals = false, Started = _ => started = true }, _err, CancellationToken.None)
            .WaitAsync(Limit);

        Assert.True(checkCode == ExitCodes.CloudError, $"exit {checkCode}\n{output}\n{checkErr}");
        Assert.Contains("node-manager.profiles.small.networks = \"privat\"  MISSING (small)", output.ToString());
        var line = Assert.Single(checkErr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{file}:6:", line, StringComparison.Ordinal);
        Assert.Contains("node-manager.profiles.small.networks: profile small: the cloud has no network named or with id \"privat\"; did you mean \"private\"?", line);
        Assert.Equal(ExitCodes.ConfigError, runCode);
        Assert.Equal(line, _err.ToString().Trim());
        Assert.False(started);
    }

    public void Dispose() => _files.Dispose();

    /// <summary>An operator file: the simulated cloud, its own journal, and profile <c>small</c> with <paramref name="small"/>.</summary>
    private string Config(string small, string extra = "") => _files.Write("nm.conf", $$"""
        node-manager {
          cloud = simulated
          management.port = 0
          logging.console.enabled = off
          persistence.journal.connection-string = "Data Source={{_files.PathOf("nm.db")}}"
          profiles.small { {{small}} }
        {{extra}}
        }
        """);
}
