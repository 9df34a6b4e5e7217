using Serilog.Core;

namespace NodeManager.Hosting;

/// <summary>What <c>nodemgr run</c> was asked to do, plus the seams tests use to run it in-process.</summary>
/// <param name="ConfigFiles">Operator files, later ones overriding earlier ones, all over reference.conf.</param>
public sealed record RunOptions(IReadOnlyList<string> ConfigFiles)
{
    /// <summary>Null: the product runtime built from configuration.</summary>
    public ControllerRuntimeFactory? Runtime { get; init; }

    /// <summary>Off in tests: SIGINT of a test runner is not the service's to take.</summary>
    public bool HandleSignals { get; init; } = true;

    /// <summary>An extra log sink (tests read the log from it).</summary>
    public ILogEventSink? LogSink { get; init; }

    /// <summary>Called once the host has started (tests learn the management address here).</summary>
    public Action<NodeManagerHost>? Started { get; init; }
}
