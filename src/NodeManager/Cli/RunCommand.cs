using System.CommandLine;
using NodeManager.Hosting;

namespace NodeManager.Cli;

/// <summary>`nodemgr run --config FILE…`: the main job, until SIGTERM or Ctrl-C (exit 0).</summary>
public static class RunCommand
{
    public const string Name = "run";

    public static Command Create()
    {
        var config = new Option<string[]>("--config", "-c")
        {
            Description = "HOCON file(s) laid over the embedded reference.conf; later files override earlier ones.",
            HelpName = "FILE",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new LongRunningCommand(Name, "Runs the controller (the main job) until SIGTERM or Ctrl-C.") { config };
        command.SetAction((parse, cancellationToken) => NodeManagerService.RunAsync(
            new RunOptions(parse.GetRequiredValue(config)),
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }
}
