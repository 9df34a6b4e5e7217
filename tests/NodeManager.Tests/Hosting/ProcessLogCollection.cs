namespace NodeManager.Tests.Hosting;

/// <summary>
/// Specs that run <c>nodemgr run</c> in-process: each sets Serilog's process-wide logger for its run (Akka's
/// <c>SerilogLogger</c> writes there), so they run one at a time, after the parallel specs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessLogCollection
{
    public const string Name = "process log";
}
