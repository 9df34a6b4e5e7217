using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; `dotnet cake --target=Bench` runs them all,
// `dotnet run -c Release --project tests/NodeManager.Benchmarks -- --filter '*Actor*'` a selection.
// Not typeof(Program): the host assembly referenced here has its own top-level Program.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
