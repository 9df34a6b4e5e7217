using NodeManager.Cli.Endpoint;
using NodeManager.Cli.Views;
using Spectre.Console;

namespace NodeManager.Cli;

/// <summary>What an operator command works with: the client of its endpoint, how to print, and where.</summary>
public sealed class OperatorContext(ManagementClient client, OutputFormat format, TextWriter output, TextWriter error)
{
    private IAnsiConsole? _console;

    public ManagementClient Client { get; } = client;

    public OutputFormat Format { get; } = format;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The tables' console over <see cref="Output"/>.</summary>
    public IAnsiConsole Console => _console ??= ConsoleFor.Writer(Output);

    /// <summary>Prints <paramref name="answer"/>'s body as it came (<c>--output json</c>).</summary>
    public Task PrintJsonAsync(EndpointAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Output.WriteLineAsync(answer.Body.TrimEnd());
    }
}
