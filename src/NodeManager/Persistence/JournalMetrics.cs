using System.Diagnostics.Metrics;

namespace NodeManager.Persistence;

/// <summary>
/// The journal's measurements, published through .NET's <see cref="Meter"/> API by <see cref="TimedSqlWriteJournal"/>,
/// which Akka creates by name (no constructor to pass a collector through); the management endpoint listens.
/// </summary>
public static class JournalMetrics
{
    public const string MeterName = "NodeManager.Persistence";

    /// <summary>Seconds one batch write took, tagged <see cref="OutcomeTag"/>.</summary>
    public const string WriteDuration = "nodemanager.journal.write.duration";

    /// <summary><c>written</c>, or <c>failed</c> when the store refused or failed the batch (or part of it).</summary>
    public const string OutcomeTag = "outcome";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Writes = Meter.CreateHistogram<double>(
        WriteDuration, "s", "Duration of each batch of events the journal wrote to its store");

    internal static void RecordWrite(TimeSpan elapsed, bool failed) =>
        Writes.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, failed ? "failed" : "written"));
}
