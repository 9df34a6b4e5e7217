using System.Diagnostics.Metrics;

namespace NodeManager.OpenStack.Diagnostics;

/// <summary>
/// The client's measurements, published through .NET's <see cref="Meter"/> API so that the client depends on no
/// exporter: whoever hosts it listens (the service turns them into Prometheus histograms). One measurement per HTTP
/// request sent, a retry being a request of its own, taken where the transport logs the request's outcome.
/// </summary>
public static class OpenStackMetrics
{
    public const string MeterName = "NodeManager.OpenStack";

    /// <summary>Seconds from sending a request to its answer (or to giving up), tagged with <see cref="ServiceTag"/>, <see cref="OperationTag"/> and <see cref="StatusTag"/>.</summary>
    public const string CallDuration = "nodemanager.cloud.call.duration";

    /// <summary><c>identity</c>, <c>compute</c>, <c>block-storage</c>, <c>dns</c>, <c>image</c>.</summary>
    public const string ServiceTag = "service";

    /// <summary>The method and the path with every id replaced by <c>{id}</c>, e.g. <c>DELETE /servers/{id}</c>: bounded, never a name or an id.</summary>
    public const string OperationTag = "operation";

    /// <summary>The HTTP status (<c>202</c>, <c>404</c>), <c>timeout</c> (no answer within the call timeout) or <c>no-response</c> (connection failed).</summary>
    public const string StatusTag = "status";

    public const string Timeout = "timeout";

    public const string NoResponse = "no-response";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Calls = Meter.CreateHistogram<double>(
        CallDuration, "s", "Duration of each HTTP request the OpenStack client sent, by service, operation and status");

    internal static void Record(string service, string operation, string status, TimeSpan elapsed) =>
        Calls.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(ServiceTag, service),
            new KeyValuePair<string, object?>(OperationTag, operation),
            new KeyValuePair<string, object?>(StatusTag, status));
}
