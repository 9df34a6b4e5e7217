using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NodeManager.Benchmarks;

/// <summary>
/// A column of bytes still reachable per item after a full collection, measured by a suite's set-up (one value per
/// benchmark method, keyed by its name) rather than by BenchmarkDotNet, whose memory diagnoser counts allocations.
/// </summary>
public sealed class RetainedMemoryColumn(string columnName, string legend, IReadOnlyDictionary<string, double> bytesByMethod) : IColumn
{
    public string Id => "Retained:" + columnName;

    public string ColumnName => columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        bytesByMethod.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var bytes) ? $"{bytes:N0} B" : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    /// <summary>Bytes per item that <paramref name="allocate"/> leaves reachable, after full collections on both sides.</summary>
    public static double Measure(int items, Func<object> allocate, Action<object>? release = null)
    {
        var before = FullyCollected();
        var kept = allocate();
        var after = FullyCollected();
        GC.KeepAlive(kept);
        release?.Invoke(kept);
        return (after - before) / (double)items;
    }

    private static long FullyCollected()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
