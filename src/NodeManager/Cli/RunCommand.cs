using System.CommandLine;

namespace NodeManager.Cli;

/// <summary>`nodemgr run`.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Runs the controller (the main job).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("nodemgr run: not implemented yet");
            return ExitCodes.Failure;
        });
        return command;
    }
}
