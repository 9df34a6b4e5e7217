using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.Simulators.Paas;

/// <summary>
/// One <see cref="PaasSimulator"/> served over HTTP (<see cref="PaasHttpApi"/>), so that several members whose capacity
/// source and platform adapter are <c>http</c> see the same PaaS: its districts, nodes, gears and demand curve, and the
/// same state file as the in-process simulator. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class PaasSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PaasSimulatorServer(WebApplication app, PaasSimulator simulator, MutationCounter mutations, Uri baseUri)
    {
        _app = app;
        Simulator = simulator;
        Mutations = mutations;
        BaseUri = baseUri;
    }

    public PaasSimulator Simulator { get; }

    /// <summary>The platform mutations received, per caller (also <c>GET /_admin/mutations</c>).</summary>
    public MutationCounter Mutations { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The members' <c>capacity.url</c>.</summary>
    public Uri CapacityUrl => new(BaseUri, PaasHttpApi.CapacityPath.TrimStart('/'));

    /// <summary>The members' <c>platform.http.url</c>; <see cref="PlatformUrlFor"/> names the caller too.</summary>
    public Uri PlatformUrl => new(BaseUri, PaasHttpApi.PlatformPath.TrimStart('/'));

    public Uri AdminUrl => new(BaseUri, PaasHttpApi.AdminPath.TrimStart('/') + "/");

    /// <summary>A platform URL whose calls count under <paramref name="caller"/> in <see cref="Mutations"/>.</summary>
    public Uri PlatformUrlFor(string caller) => new(PlatformUrl + "/" + Uri.EscapeDataString(caller));

    /// <summary>
    /// Builds the simulator from <paramref name="options"/> (loading its state file: a corrupt one fails here, before
    /// anything listens) and listens on <see cref="PaasSimulatorOptions.Host"/>:<see cref="PaasSimulatorOptions.Port"/>
    /// (0 = a free port).
    /// </summary>
    public static Task<PaasSimulatorServer> StartAsync(PaasSimulatorOptions options, TimeProvider time, CancellationToken ct = default) =>
        StartAsync(new PaasSimulator(options, time), ct);

    /// <summary>Serves an existing simulator on its options' host and port.</summary>
    public static async Task<PaasSimulatorServer> StartAsync(PaasSimulator simulator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var options = simulator.Options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(PaasSimulatorServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddProblemDetails();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(options.Host), options.Port));

        var mutations = MutationCounter.ForPlatform();
        var app = builder.Build();
        PaasHttpApi.Map(app, simulator, mutations);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PaasSimulatorServer(app, simulator, mutations, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        // Every change is saved when it happens, so stopping writes nothing more.
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
