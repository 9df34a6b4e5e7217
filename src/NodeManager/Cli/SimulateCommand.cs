using System.CommandLine;
using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Logging;
using NodeManager.Simulators.OpenStack;
using NodeManager.Simulators.Paas;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr simulate openstack` and `nodemgr simulate paas`: run a simulator standalone until SIGTERM, SIGINT or SIGQUIT,
/// with the exit codes of every sub-command: 0 after a signal, 1 with one line when it cannot start (a port in use, an
/// unreadable state file), 2 for a usage or configuration error.
/// </summary>
public static class SimulateCommand
{
    private const string OpenStackName = "nodemgr simulate openstack";
    private const string PaasName = "nodemgr simulate paas";

    public static Command Create()
    {
        var command = new Command("simulate", "Runs a simulator standalone.");
        command.Subcommands.Add(OpenStack());
        command.Subcommands.Add(Paas());
        return command;
    }

    /// <summary>`nodemgr simulate openstack [--port N] [--config FILE…]` (settings: node-manager.simulators.openstack).</summary>
    private static Command OpenStack()
    {
        var (port, config) = (PortOption(OpenStackSimulatorOptions.Path), ConfigOption());
        var command = new LongRunningCommand("openstack", "Serves Keystone v3, Nova, Cinder, Designate and Glance from memory, with an admin API at /_admin/.")
        {
            port, config,
        };
        command.SetAction((parse, ct) => ServeUntilSignalAsync(
            OpenStackName,
            parse.GetValue(config) ?? [],
            root =>
            {
                var options = OpenStackSimulatorOptions.Create(root);
                return parse.GetValue(port) is { } p ? options with { Port = p } : options;
            },
            (options, stop) => OpenStackSimulator.StartAsync(options, stop),
            AnnounceOpenStackAsync,
            parse.InvocationConfiguration,
            ct));
        return command;
    }

    /// <summary>`nodemgr simulate paas [--port N] [--config FILE…]` (settings: node-manager.simulators.paas).</summary>
    private static Command Paas()
    {
        var (port, config) = (PortOption(PaasSimulatorOptions.Path), ConfigOption());
        var command = new LongRunningCommand("paas",
            "Serves the PaaS simulator's capacity document and platform operations over HTTP to members with capacity.source = http and platform.adapter = http, with an admin API at /_admin/.")
        {
            port, config,
        };
        command.SetAction((parse, ct) => ServeUntilSignalAsync(
            PaasName,
            parse.GetValue(config) ?? [],
            root =>
            {
                var options = PaasSimulatorOptions.Create(root);
                return parse.GetValue(port) is { } p ? options with { Port = p } : options;
            },
            (options, stop) => PaasSimulatorServer.StartAsync(options, TimeProvider.System, stop),
            AnnouncePaasAsync,
            parse.InvocationConfiguration,
            ct));
        return command;
    }

    private static async Task AnnounceOpenStackAsync(OpenStackSimulator simulator, TextWriter output)
    {
        await output.WriteLineAsync($"OpenStack simulator listening on {simulator.BaseUri} (admin API: {simulator.AdminUrl}); Ctrl-C stops it.");
        await output.WriteLineAsync("Credentials (openrc; these are the simulator's own, not a secret):");
        foreach (var (name, value) in simulator.OpenRc)
        {
            await output.WriteLineAsync($"  export {name}={value}");
        }
    }

    private static async Task AnnouncePaasAsync(PaasSimulatorServer server, TextWriter output)
    {
        await output.WriteLineAsync(
            $"PaaS simulator listening on {server.BaseUri} ({server.Simulator.Options.Districts.Count} district(s); admin API: {server.AdminUrl}); Ctrl-C stops it.");
        await output.WriteLineAsync("Members use it with (a name after /platform/ counts that member's calls apart in /_admin/mutations):");
        await output.WriteLineAsync($"  node-manager.capacity {{ source = http, url = \"{server.CapacityUrl}\" }}");
        await output.WriteLineAsync($"  node-manager.platform {{ adapter = http, http.url = \"{server.PlatformUrlFor("member-1")}\" }}");
    }

    /// <summary>Reads the options, starts the simulator, announces it on stdout and serves until a signal.</summary>
    private static async Task<int> ServeUntilSignalAsync<TOptions, TSimulator>(
        string name,
        string[] files,
        Func<Config, TOptions> read,
        Func<TOptions, CancellationToken, Task<TSimulator>> start,
        Func<TSimulator, TextWriter, Task> announce,
        InvocationConfiguration console,
        CancellationToken ct)
        where TSimulator : IAsyncDisposable
    {
        if (!TryReadOptions(name, files, read, console.Error, out var options))
        {
            return ExitCodes.ConfigError;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var signals = new ShutdownSignals(_ => stop.Cancel());
        TSimulator simulator;
        try
        {
            simulator = await start(options, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            // A port in use or a corrupt state file is the operator's to fix and says all in its message; anything else
            // is still one line here, never an unhandled exception's stack trace.
            await console.Error.WriteLineAsync($"{name}: failed to start: {PlainErrors.OneLine(e)}");
            return ExitCodes.Failure;
        }

        await using (simulator)
        {
            await announce(simulator, console.Output);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // A signal: a clean stop.
            }
        }

        return ExitCodes.Success;
    }

    private static bool TryReadOptions<TOptions>(string name, string[] files, Func<Config, TOptions> read, TextWriter error, out TOptions options)
    {
        options = default!;
        var folders = HostConfiguration.Folders(files);
        foreach (var folder in folders)
        {
            error.WriteLine($"{name}: {folder.Message}");
        }

        if (folders.Count > 0)
        {
            return false;
        }

        try
        {
            options = read(files.Length == 0 ? NodeManagerConfig.Reference : NodeManagerConfig.Load(files));
            return true;
        }
        catch (Exception e) when (e is ConfigException or ConfigErrorsException)
        {
            foreach (var fault in ConfigErrorsException.Of(e))
            {
                error.WriteLine($"{name}: {fault.Message}");
            }

            return false;
        }
    }

    private static Option<int?> PortOption(string settingsPath)
    {
        var port = new Option<int?>("--port", "-p") { Description = $"TCP port, 0..65535 (0 = a free one); overrides {settingsPath}.port." };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } p and (< 0 or > 65535))
            {
                result.AddError($"--port: expected a port 0..65535, got {p}");
            }
        });
        return port;
    }

    private static Option<string[]> ConfigOption() => new("--config", "-c")
    {
        Description = "HOCON file(s) laid over the embedded reference.conf; later files override earlier ones.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
    };
}
