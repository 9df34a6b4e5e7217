using System.CommandLine;
using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr simulate <simulator>`: runs a simulator standalone until Ctrl-C / SIGTERM.
/// One sub-command per simulator: `openstack` here; the PaaS simulator's `paas` sub-command is added next to it.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Runs a simulator standalone.");
        command.Subcommands.Add(OpenStack());
        return command;
    }

    /// <summary>`nodemgr simulate openstack [--port N] [--config FILE…]` (settings: node-manager.simulators.openstack).</summary>
    private static Command OpenStack()
    {
        var port = new Option<int?>("--port", "-p") { Description = "TCP port (0 = a free one); overrides node-manager.simulators.openstack.port." };
        var config = new Option<string[]>("--config", "-c")
        {
            Description = "HOCON file(s) laid over the embedded reference.conf; later files override earlier ones.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("openstack", "Serves Keystone v3, Nova, Cinder, Designate and Glance from memory, with an admin API at /_admin/.")
        {
            port, config,
        };
        command.SetAction((parse, ct) =>
            RunOpenStackAsync(parse.GetValue(port), parse.GetValue(config) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunOpenStackAsync(int? port, string[] files, TextWriter output, TextWriter error, CancellationToken ct)
    {
        OpenStackSimulatorOptions options;
        try
        {
            options = OpenStackSimulatorOptions.Create(files.Length == 0 ? NodeManagerConfig.Reference : NodeManagerConfig.Load(files));
        }
        catch (ConfigException e)
        {
            await error.WriteLineAsync($"nodemgr simulate openstack: {e.Message}");
            return ExitCodes.ConfigError;
        }
        if (port is { } p) options = options with { Port = p };

        await using var simulator = await OpenStackSimulator.StartAsync(options, ct);
        await output.WriteLineAsync($"OpenStack simulator listening on {simulator.BaseUri} (admin API: {simulator.AdminUrl}); Ctrl-C stops it.");
        await output.WriteLineAsync("Credentials (openrc; these are the simulator's own, not a secret):");
        foreach (var (name, value) in simulator.OpenRc)
            await output.WriteLineAsync($"  export {name}={value}");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: a clean stop.
        }
        return ExitCodes.Success;
    }
}
