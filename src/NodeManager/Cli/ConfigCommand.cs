using System.CommandLine;

namespace NodeManager.Cli;

/// <summary>`nodemgr config`.</summary>
public static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Renders and validates HOCON configuration.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("nodemgr config: not implemented yet");
            return ExitCodes.Failure;
        });
        return command;
    }
}
