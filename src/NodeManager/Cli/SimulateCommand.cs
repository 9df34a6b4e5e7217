using System.CommandLine;

namespace NodeManager.Cli;

/// <summary>`nodemgr simulate`.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Runs a simulator standalone.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("nodemgr simulate: not implemented yet");
            return ExitCodes.Failure;
        });
        return command;
    }
}
