using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; `dotnet cake --target=Bench` runs them all,
// `dotnet run -c Release --project tests/NodeManager.Benchmarks -- --filter '*Actor*'` a selection.
// Not typeof(Program): the host assembly referenced here has its own top-level Program.
// `-- failover [--runs N] [--timings default|short] [--app DIR]` times a cluster's fail-over instead (a plain timed
// harness over real processes; see Cluster/FailoverTimer.cs).
if (args is ["failover", .. var failover])
{
    return await NodeManager.Benchmarks.Cluster.FailoverTimer.RunAsync(failover);
}

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
