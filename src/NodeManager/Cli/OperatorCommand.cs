using System.CommandLine;
using NodeManager.Cli.Endpoint;

namespace NodeManager.Cli;

/// <summary>
/// The frame of every command that talks to the management endpoint: resolves <see cref="EndpointOptions"/>, runs the
/// command's work, and turns an <see cref="EndpointException"/> into its one line on stderr and its exit code.
/// </summary>
public static class OperatorCommand
{
    public delegate Task<int> Work(OperatorContext context, CancellationToken cancellationToken);

    /// <summary>A command named <paramref name="name"/> with the shared options; <paramref name="work"/> is given each parse.</summary>
    public static Command Create(string name, string description, CliEnvironment environment, Func<ParseResult, Work> work, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(work);
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        var options = new EndpointOptions();
        options.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(name, parse, options, environment, work(parse), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        string name, ParseResult parse, EndpointOptions options, CliEnvironment environment, Work work, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var (target, errors) = options.Resolve(parse, environment);
        if (target is null)
        {
            foreach (var line in errors)
            {
                await error.WriteLineAsync($"nodemgr {name}: {line}");
            }

            return ExitCodes.ConfigError;
        }

        using var client = new ManagementClient(target.Endpoint, target.Token);
        try
        {
            return await work(new OperatorContext(client, target.Output, output, error), cancellationToken);
        }
        catch (EndpointException e)
        {
            await error.WriteLineAsync($"nodemgr {name}: {client.Redact(e.Message)}");
            return e.ExitCode;
        }
    }
}
