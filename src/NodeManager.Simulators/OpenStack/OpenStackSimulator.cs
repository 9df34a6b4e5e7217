using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodeManager.Simulators.OpenStack.Api;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack;

/// <summary>
/// An in-memory OpenStack (Keystone v3, Nova, Cinder v3, Designate v2, Glance image list, Neutron network list) served over HTTP with the
/// JSON shapes of the published api samples. Start it with <see cref="StartAsync"/>; dispose it to stop. With
/// <see cref="OpenStackSimulatorOptions.StateFile"/> set, what it holds survives a restart like a real cloud's.
/// </summary>
public sealed class OpenStackSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly SimulatorState _state;

    private OpenStackSimulator(WebApplication app, CancellationTokenSource stopping, SimulatorState state, OpenStackSimulatorOptions options, SimulatorAdmin admin,
        Uri baseUri)
    {
        _app = app;
        _stopping = stopping;
        _state = state;
        Options = options;
        Admin = admin;
        BaseUri = baseUri;
    }

    public OpenStackSimulatorOptions Options { get; }
    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }
    /// <summary>The Keystone v3 URL to authenticate against (OS_AUTH_URL).</summary>
    public Uri AuthUrl => new(BaseUri, "identity/v3");
    public Uri AdminUrl => new(BaseUri, "_admin/");

    /// <summary>The openrc variables that point a client (or <c>nodemgr cloud check</c>) at this simulator with password auth.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OpenRc =>
    [
        new("OS_AUTH_URL", AuthUrl.ToString()),
        new("OS_USERNAME", Options.Username),
        new("OS_PASSWORD", Options.Password),
        new("OS_USER_DOMAIN_NAME", Options.UserDomainName),
        new("OS_PROJECT_NAME", Options.ProjectName),
        new("OS_PROJECT_DOMAIN_NAME", Options.UserDomainName),
        new("OS_REGION_NAME", Options.Region),
    ];
    public SimulatorAdmin Admin { get; }

    /// <summary>Starts listening on <see cref="OpenStackSimulatorOptions.Host"/>:<see cref="OpenStackSimulatorOptions.Port"/> (0 = a free port).</summary>
    public static async Task<OpenStackSimulator> StartAsync(OpenStackSimulatorOptions options, CancellationToken ct = default)
    {
        // First, so that an unreadable state file fails the start before anything listens.
        var state = new SimulatorState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(OpenStackSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        if (options.LoggerFactory is { } loggerFactory)
            builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(options.Host), options.Port));

        var stopping = new CancellationTokenSource();
        var faults = new FaultInjector(options.Seed, options.TimeProvider);
        var mutations = MutationCounter.ForCloud();
        var admin = new SimulatorAdmin(state, faults, mutations);
        var sim = new SimulatorContext(state, faults, mutations, stopping.Token);

        var app = builder.Build();
        app.Use(async (http, next) =>
        {
            var isApi = !http.Request.Path.StartsWithSegments(AdminApi.Prefix, StringComparison.Ordinal);
            http.Response.Headers["x-openstack-request-id"] = "req-" + Guid.NewGuid();
            if (isApi) faults.Enter();
            try
            {
                await next(http);
            }
            finally
            {
                if (isApi) faults.Leave();
            }
        });
        KeystoneApi.Map(app, sim);
        NovaApi.Map(app, sim);
        CinderApi.Map(app, sim);
        if (options.IncludeDns) DesignateApi.Map(app, sim);
        GlanceApi.Map(app, sim);
        NeutronApi.Map(app, sim);
        AdminApi.Map(app, admin);

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OpenStackSimulator(app, stopping, state, options, admin, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        // Release hung requests first so that shutdown does not wait for them.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        // Every change is already saved; this last write also drops what was purged since.
        _state.Flush();
        _stopping.Dispose();
    }
}
