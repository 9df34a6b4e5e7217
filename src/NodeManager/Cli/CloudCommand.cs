using System.CommandLine;

namespace NodeManager.Cli;

/// <summary>`nodemgr cloud`.</summary>
public static class CloudCommand
{
    public static Command Create()
    {
        var command = new Command("cloud", "Checks the configured OpenStack cloud.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("nodemgr cloud: not implemented yet");
            return ExitCodes.Failure;
        });
        return command;
    }
}
