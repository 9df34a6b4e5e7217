using System.CommandLine;
using NodeManager.Cli;

namespace NodeManager.Tests.Cli;

/// <summary>Runs `nodemgr` in-process as an operator would type it, with its own environment variables and writers.</summary>
internal sealed class OperatorCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public OperatorCli(params (string Name, string Value)[] variables) =>
        Environment = CliEnvironment.Of(variables.ToDictionary(v => v.Name, v => v.Value));

    public CliEnvironment Environment { get; }

    public StringWriter Out { get; private set; } = new();

    public StringWriter Err { get; private set; } = new();

    /// <summary>Runs one command with fresh writers; <paramref name="cancellationToken"/> stands for Ctrl-C.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        Out = new StringWriter();
        Err = new StringWriter();
        return await NodemgrCli.InvokeAsync(args, new InvocationConfiguration { Output = Out, Error = Err }, Environment, cancellationToken)
            .WaitAsync(Limit, CancellationToken.None);
    }

    public Task<int> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);
}
