using System.Diagnostics.Metrics;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.Persistence;
using Prometheus;

namespace NodeManager.Management.Metrics;

/// <summary>
/// Turns what the OpenStack client and the journal publish through .NET's Meter API (<see cref="OpenStackMetrics"/>,
/// <see cref="JournalMetrics"/>) into prometheus-net histograms, listening for as long as it lives. Both publish per
/// process: with several hosts in one process (tests), each host's histograms count every host's requests.
/// </summary>
internal sealed class ClientMeasurements : IDisposable
{
    private static readonly double[] CloudBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] JournalBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram _cloud;
    private readonly Histogram _journal;
    private readonly MeterListener _listener = new();

    public ClientMeasurements(IMetricFactory metrics)
    {
        _cloud = metrics.CreateHistogram("nodemanager_cloud_request_duration_seconds",
            "Duration of each HTTP request to the cloud (a retry is a request of its own), by service, operation and status.",
            ["service", "operation", "status"], new HistogramConfiguration { Buckets = CloudBuckets });
        _journal = metrics.CreateHistogram("nodemanager_journal_write_duration_seconds",
            "Duration of each batch write of the journal, from the journal handing it to its store to the store's answer.",
            ["outcome"], new HistogramConfiguration { Buckets = JournalBuckets });

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is OpenStackMetrics.MeterName or JournalMetrics.MeterName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case OpenStackMetrics.CallDuration:
                _cloud.WithLabels(Tag(tags, OpenStackMetrics.ServiceTag), Tag(tags, OpenStackMetrics.OperationTag), Tag(tags, OpenStackMetrics.StatusTag))
                    .Observe(value);
                break;
            case JournalMetrics.WriteDuration:
                _journal.WithLabels(Tag(tags, JournalMetrics.OutcomeTag)).Observe(value);
                break;
        }
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key) return tag.Value as string ?? "";
        }

        return "";
    }

    public void Dispose() => _listener.Dispose();
}
