using System.CommandLine;
using System.CommandLine.Invocation;

namespace NodeManager.Cli;

/// <summary>
/// The `nodemgr` command line: one sub-command per file in this folder, wired here.
/// Exit codes shared by every sub-command are in <see cref="ExitCodes"/>.
/// </summary>
public static class NodemgrCli
{
    /// <param name="environment">Where the operator commands read environment variables; the process's by default.</param>
    public static RootCommand Build(CliEnvironment? environment = null)
    {
        environment ??= CliEnvironment.Process;
        var root = new RootCommand("NodeManager: keeps a PaaS's node hosts sized to demand on OpenStack.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(CloudCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        // The operator's client of the management endpoint.
        foreach (var command in ReadCommands.Create(environment))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(WhyCommand.Create(environment));
        root.Subcommands.Add(EventsCommand.Create(environment));
        foreach (var command in ActionCommands.Create(environment))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static Task<int> RunAsync(string[] args) => InvokeAsync(args, new InvocationConfiguration());

    /// <param name="configuration">Output and error writers (tests pass StringWriters).</param>
    /// <param name="environment">Environment variables for the operator commands (specs pass their own).</param>
    /// <param name="cancellationToken">Stops a command as Ctrl-C would (specs end `events --follow` this way).</param>
    public static Task<int> InvokeAsync(
        string[] args, InvocationConfiguration configuration, CliEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        var parse = Build(environment).Parse(args);

        // `run` and the simulators own their signals: SIGTERM and Ctrl-C stop them cleanly (for `run` through coordinated
        // shutdown, which may take longer than System.CommandLine's termination timeout), and that ends in exit 0, not 130/143.
        if (parse.CommandResult.Command is LongRunningCommand)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return InvokeParsedAsync(parse, configuration, cancellationToken);
    }

    // System.CommandLine answers a usage error (unknown option, missing argument) with 1, which the exit-code table
    // keeps for failures at run time; a usage error is the operator's input at fault, like a bad file: 2.
    private static async Task<int> InvokeParsedAsync(ParseResult parse, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        var code = await parse.InvokeAsync(configuration, cancellationToken);
        return parse.Action is ParseErrorAction ? ExitCodes.ConfigError : code;
    }
}
