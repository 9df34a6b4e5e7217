using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; `dotnet cake --target=Bench` runs them all,
// `dotnet run -c Release --project tests/NodeManager.Benchmarks -- --filter '*Actor*'` a selection.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
