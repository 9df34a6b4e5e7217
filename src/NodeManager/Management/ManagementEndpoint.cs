using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NodeManager.Core.Events;
using NodeManager.Core.Operations;
using NodeManager.Core.Status;
using NodeManager.Management.Metrics;

namespace NodeManager.Management;

/// <summary>
/// The management endpoint's share of the host's web application: Kestrel on <c>node-manager.management</c>'s address
/// (or no listener at all when it is off), problem+json errors, the request deadline, the routes of
/// <see cref="ManagementApi"/> over an <see cref="IControllerStatus"/>, the operator actions of <see cref="OperatorApi"/>
/// over an <see cref="IControllerActions"/>, the event feed (<see cref="EventsApi"/>), the status page
/// (<see cref="StatusPage"/>), and <see cref="MetricsEndpoint"/>'s
/// <c>/metrics</c> unless <c>metrics.enabled</c> is off.
/// </summary>
public static class ManagementEndpoint
{
    public static WebApplicationBuilder AddManagementEndpoint(
        this WebApplicationBuilder builder, ManagementSettings settings, IControllerStatus status, SecretRedactor redactor,
        IControllerActions? actions = null)
    {
        if (settings.Enabled)
        {
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => Listen(kestrel, settings));
        }
        else
        {
            builder.Services.AddSingleton<IServer, NoListener>();
        }

        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ControllerExceptionHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.Converters.Add(new MillisecondTimestampConverter());
            json.SerializerOptions.WriteIndented = true;
        });
        builder.Services.AddSingleton(status);
        builder.Services.AddSingleton(actions ?? new ControllerActionsSlot());
        builder.Services.AddSingleton<ClusterMembersSlot>();
        builder.Services.AddSingleton(redactor);
        builder.Services.AddSingleton(settings);
        // Made here, before the controller: stream clients may connect first; the controller's board records into it.
        builder.Services.AddSingleton(new EventFeed(settings.Events.Buffer));
        if (settings.MetricsEnabled)
        {
            builder.AddManagementMetrics(status);
        }

        return builder;
    }

    public static WebApplication MapManagementEndpoint(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteBareStatusProblemAsync);
        app.UseMiddleware<RequestTimeoutMiddleware>();
        app.MapManagementApi();
        app.MapOperatorApi();
        app.MapEventsApi();
        app.MapStatusPage();
        if (app.Services.GetRequiredService<ManagementSettings>().MetricsEnabled)
        {
            app.MapManagementMetrics();
        }

        return app;
    }

    /// <summary>Where the endpoint listens, with the port the OS picked when the setting was 0. Empty before start and when off.</summary>
    public static IReadOnlyList<Uri> Addresses(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];

    private static async Task WriteBareStatusProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (type, title, detail) = Problems.ForBareStatus(http);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Type = Problems.TypePrefix + type, Title = title, Detail = detail },
        });
    }

    private static void Listen(KestrelServerOptions kestrel, ManagementSettings settings)
    {
        switch (settings.Hostname)
        {
            case "localhost":
                kestrel.Listen(IPAddress.Loopback, settings.Port);
                break;
            case "0.0.0.0" or "*":
                kestrel.Listen(IPAddress.Any, settings.Port);
                break;
            case "::":
                kestrel.Listen(IPAddress.IPv6Any, settings.Port);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(settings.Hostname), settings.Port);
                break;
        }
    }
}
