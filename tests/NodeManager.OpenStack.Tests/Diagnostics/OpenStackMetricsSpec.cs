using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Diagnostics;

/// <summary>Every request the client sends is measured once, under an operation name that never carries an id or a name.</summary>
public sealed class OpenStackMetricsSpec
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("POST", "/servers", "POST /servers")]
    [InlineData("GET", "/servers/detail?name=district-a_3&limit=100", "GET /servers/detail")]
    [InlineData("DELETE", "/servers/fe7b5dd7-318b-4783-8f13-362d5590ed15", "DELETE /servers/{id}")]
    [InlineData("GET", "/servers/fe7b5dd7/os-volume_attachments/8e5c9796", "GET /servers/{id}/os-volume_attachments/{id}")]
    [InlineData("GET", "/zones?name=example.com.", "GET /zones")]
    [InlineData("PUT", "/zones/z-1/recordsets/r-2", "PUT /zones/{id}/recordsets/{id}")]
    [InlineData("GET", "/images/node-host", "GET /images/{id}")]
    [InlineData("GET", "/limits", "GET /limits")]
    public void Operation_must_name_the_method_and_path_with_every_id_and_name_replaced(string method, string pathAndQuery, string expected)
    {
        var operation = CloudOperation.For(ServiceKind.Compute, new HttpMethod(method), pathAndQuery);

        Assert.Equal(new CloudOperation("compute", expected), operation);
    }

    [Fact]
    public async Task Transport_must_measure_each_request_with_its_service_operation_and_status_including_failures()
    {
        // A name no other spec uses: the meter is the process's, and other specs send requests at the same time.
        var operation = new CloudOperation("block-storage", "GET /spec-" + Guid.NewGuid().ToString("N"));
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest]);
        var handler = new StubHandler((_, _) => StubHandler.Json("""{"badRequest": {"code": 400, "message": "no"}}""", statuses.Dequeue()));
        using var recorded = new Recorder(operation.Name);
        using var transport = new OpenStackTransport(CloudEnv.QuietSettings, handler, TimeProvider.System, NullLogger.Instance);

        await transport.SendAsync(HttpMethod.Get, "http://cinder.test/v3/p", null, [], CancellationToken.None, operation: operation).WaitAsync(Patience);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            transport.SendAsync(HttpMethod.Get, "http://cinder.test/v3/p", null, [], CancellationToken.None, operation: operation).WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<OpenStackException>(() =>
            transport.SendAsync(HttpMethod.Get, "http://cinder.test/v3/p", null, [], CancellationToken.None, operation: operation).WaitAsync(Patience));

        Assert.Equal(["block-storage 200", "block-storage 404", "block-storage 400"], recorded.Measurements.Select(m => $"{m.Service} {m.Status}"));
        Assert.All(recorded.Measurements, m => Assert.InRange(m.Seconds, 0, Patience.TotalSeconds));
    }

    /// <summary>Listens to <see cref="OpenStackMetrics.CallDuration"/> for one operation.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Service, string Status, double Seconds)> _measurements = new();

        public Recorder(string operation)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OpenStackMetrics.MeterName && instrument.Name == OpenStackMetrics.CallDuration)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                var byKey = new Dictionary<string, string?>();
                foreach (var tag in tags) byKey[tag.Key] = tag.Value as string;
                if (byKey.GetValueOrDefault(OpenStackMetrics.OperationTag) == operation)
                    _measurements.Enqueue((byKey[OpenStackMetrics.ServiceTag]!, byKey[OpenStackMetrics.StatusTag]!, value));
            });
            _listener.Start();
        }

        public IReadOnlyList<(string Service, string Status, double Seconds)> Measurements => [.. _measurements];

        public void Dispose() => _listener.Dispose();
    }
}
