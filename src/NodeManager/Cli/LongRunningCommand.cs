using System.CommandLine;

namespace NodeManager.Cli;

/// <summary>
/// A sub-command that runs until SIGTERM, SIGINT or SIGQUIT and takes those signals itself, ending in exit 0. System.CommandLine's own
/// handling would cancel it and answer 130 or 143 after a fixed timeout, however cleanly it stopped.
/// </summary>
public sealed class LongRunningCommand(string name, string description) : Command(name, description);
