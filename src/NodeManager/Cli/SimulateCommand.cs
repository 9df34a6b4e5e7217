using System.CommandLine;
using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Logging;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr simulate openstack`: runs the OpenStack API simulator standalone until SIGTERM, SIGINT or SIGQUIT, with the
/// exit codes of every sub-command: 0 after a signal, 1 with one line when it cannot start (a port in use), 2 for a
/// usage or configuration error.
/// </summary>
public static class SimulateCommand
{
    private const string OpenStackName = "nodemgr simulate openstack";

    public static Command Create()
    {
        var command = new Command("simulate", "Runs a simulator standalone.");
        command.Subcommands.Add(OpenStack());
        return command;
    }

    /// <summary>`nodemgr simulate openstack [--port N] [--config FILE…]` (settings: node-manager.simulators.openstack).</summary>
    private static Command OpenStack()
    {
        var port = new Option<int?>("--port", "-p") { Description = "TCP port, 0..65535 (0 = a free one); overrides node-manager.simulators.openstack.port." };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } p and (< 0 or > 65535))
            {
                result.AddError($"--port: expected a port 0..65535, got {p}");
            }
        });
        var config = new Option<string[]>("--config", "-c")
        {
            Description = "HOCON file(s) laid over the embedded reference.conf; later files override earlier ones.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new LongRunningCommand("openstack", "Serves Keystone v3, Nova, Cinder, Designate and Glance from memory, with an admin API at /_admin/.")
        {
            port, config,
        };
        command.SetAction((parse, ct) =>
            RunOpenStackAsync(parse.GetValue(port), parse.GetValue(config) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunOpenStackAsync(int? port, string[] files, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!TryReadOptions(files, error, out var options))
        {
            return ExitCodes.ConfigError;
        }

        if (port is { } p)
        {
            options = options with { Port = p };
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var signals = new ShutdownSignals(_ => stop.Cancel());
        OpenStackSimulator simulator;
        try
        {
            simulator = await OpenStackSimulator.StartAsync(options, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            // A port in use is the operator's to fix and says all in its message; anything else is still one line here,
            // never an unhandled exception's stack trace.
            await error.WriteLineAsync($"{OpenStackName}: failed to start: {PlainErrors.OneLine(e)}");
            return ExitCodes.Failure;
        }

        await using (simulator)
        {
            await output.WriteLineAsync($"OpenStack simulator listening on {simulator.BaseUri} (admin API: {simulator.AdminUrl}); Ctrl-C stops it.");
            await output.WriteLineAsync("Credentials (openrc; these are the simulator's own, not a secret):");
            foreach (var (name, value) in simulator.OpenRc)
            {
                await output.WriteLineAsync($"  export {name}={value}");
            }

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

    private static bool TryReadOptions(string[] files, TextWriter error, out OpenStackSimulatorOptions options)
    {
        options = null!;
        var folders = HostConfiguration.Folders(files);
        foreach (var folder in folders)
        {
            error.WriteLine($"{OpenStackName}: {folder.Message}");
        }

        if (folders.Count > 0)
        {
            return false;
        }

        try
        {
            options = OpenStackSimulatorOptions.Create(files.Length == 0 ? NodeManagerConfig.Reference : NodeManagerConfig.Load(files));
            return true;
        }
        catch (Exception e) when (e is ConfigException or ConfigErrorsException)
        {
            foreach (var fault in ConfigErrorsException.Of(e))
            {
                error.WriteLine($"{OpenStackName}: {fault.Message}");
            }

            return false;
        }
    }
}
