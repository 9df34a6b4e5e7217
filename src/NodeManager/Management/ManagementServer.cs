using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodeManager.Core.Status;

namespace NodeManager.Management;

/// <summary>
/// The management endpoint: a minimal-API web application over <see cref="IControllerStatus"/>, started and
/// stopped by the service host (it unbinds first on shutdown). Reads no appsettings, environment or command line
/// of its own: HOCON is the only configuration, and the host owns signals.
/// </summary>
public sealed class ManagementServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ManagementServer(WebApplication app) => _app = app;

    /// <param name="configure">Last say over the builder; tests swap Kestrel for a TestServer here.</param>
    public static ManagementServer Create(
        ManagementSettings settings,
        IControllerStatus status,
        SecretRedactor redactor,
        ILoggerFactory loggerFactory,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ManagementServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => Listen(kestrel, settings));
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ControllerExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.WriteIndented = true;
        });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, OwnedByHostLifetime>();
        builder.Services.AddSingleton(status);
        builder.Services.AddSingleton(redactor);
        builder.Services.AddSingleton(settings);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestTimeoutMiddleware>();
        app.MapManagementApi();
        return new ManagementServer(app);
    }

    /// <summary>The application, for tests that talk to it in memory.</summary>
    internal WebApplication App => _app;

    /// <summary>Where the endpoint listens, with the port the OS picked when the setting was 0. Empty before start.</summary>
    public IReadOnlyList<Uri> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a)).ToList() ?? [];

    /// <summary>Binds the port; a port in use fails here, before the controller starts.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    /// <summary>Unbinds and lets requests in flight finish until <paramref name="cancellationToken"/> fires.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, ManagementSettings settings)
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
