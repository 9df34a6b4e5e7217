using NodeManager.Core.Metrics;
using NodeManager.Core.Status;
using Prometheus;

namespace NodeManager.Management.Metrics;

/// <summary>
/// <c>GET /metrics</c> on the management endpoint: the Prometheus text format from prometheus-net, over a registry of
/// the host's own (only <c>nodemanager_*</c> series, none of prometheus-net's process defaults). Registers the
/// <see cref="IControllerMetrics"/> the controller reports to; the gauges are read from the status when scraped.
/// </summary>
public static class MetricsEndpoint
{
    public const string Route = "/metrics";

    public static WebApplicationBuilder AddManagementMetrics(this WebApplicationBuilder builder, IControllerStatus status)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var gauges = new StatusGauges(factory, status, TimeProvider.System);
        registry.AddBeforeCollectCallback(gauges.UpdateAsync);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton<IControllerMetrics>(new ControllerMetrics(factory));
        builder.Services.AddSingleton(_ => new ClientMeasurements(factory));
        return builder;
    }

    public static WebApplication MapManagementMetrics(this WebApplication app)
    {
        // Listening starts with the application (before any cloud call or journal write) and ends with its disposal.
        app.Services.GetRequiredService<ClientMeasurements>();
        app.MapMetrics(Route, app.Services.GetRequiredService<CollectorRegistry>());
        return app;
    }
}
