using Akka.Actor;
using Akka.DependencyInjection;
using NodeManager.Cluster.Fencing;
using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Events;
using NodeManager.Core.Metrics;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;
using NodeManager.Core.Status;
using NodeManager.Hocon;
using NodeManager.OpenStack;
using NodeManager.Persistence;
using NodeManager.OpenStack.Cloud;
using NodeManager.OpenStack.Credentials;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Errors;
using NodeManager.Simulators.OpenStack;
using NodeManager.Simulators.Paas;

namespace NodeManager.Hosting;

/// <summary>
/// The production <see cref="IControllerRuntime"/>, built from configuration: the OpenStack simulator when
/// <c>node-manager.cloud = simulated</c>, the OpenStack client and its <see cref="OpenStackCloud"/>, the capacity source
/// and platform adapter (one in-process PaaS simulator serves both when they are <c>simulated</c>), and, once started,
/// the <see cref="ControllerHost"/>.
/// </summary>
public sealed partial class ProductControllerRuntime : IControllerRuntime
{
    private readonly Config _config;
    private readonly ILoggerFactory _loggers;
    private readonly ICloud _cloud;
    private readonly ICapacitySource _capacity;
    private readonly IPlatform _platform;
    private readonly Resources _resources;
    private ControllerHost? _controller;

    private ProductControllerRuntime(
        Config config, ILoggerFactory loggers, ICloud cloud, ICapacitySource capacity, IPlatform platform, Resources resources)
    {
        _config = config;
        _loggers = loggers;
        _cloud = cloud;
        _capacity = capacity;
        _platform = platform;
        _resources = resources;
    }

    /// <summary>
    /// Every product settings record beyond the host's own, created up front by <see cref="HostConfiguration.Validate"/>
    /// so that all configuration errors are reported together, before anything starts.
    /// </summary>
    public static IReadOnlyList<Func<Config, object>> SettingsReaders { get; } =
    [
        JournalSettings.Create,
        OpenStackSettings.Create,
        OpenStackSimulatorOptions.Create,
        PaasSimulatorOptions.Create,
        CapacitySettings.Create,
        PlatformSettings.Create,
        ScalingSettings.Create,
        NodeLifecycleSettings.Create,
        DistrictsSettings.Create,
        ProfilesSettings.Create,
        CleanupSettings.Create,
    ];

    /// <summary>The in-process OpenStack simulator, when <c>node-manager.cloud = simulated</c> (tests check the cloud through it).</summary>
    public OpenStackSimulator? OpenStackSimulator => _resources.OpenStackSimulator;

    /// <summary>A <see cref="ControllerRuntimeFactory"/>; a failure part-way releases what had been created.</summary>
    public static async Task<IControllerRuntime> CreateAsync(Config config, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger<ProductControllerRuntime>();
        var host = HostSettings.Create(config);
        var time = TimeProvider.System;
        var resources = new Resources();
        try
        {
            var openStack = OpenStackSettings.Create(config);
            if (host.Cloud == CloudKind.Simulated)
            {
                var options = OpenStackSimulatorOptions.Create(config) with { TimeProvider = time, LoggerFactory = loggers };
                resources.OpenStackSimulator = await Simulators.OpenStack.OpenStackSimulator.StartAsync(options, cancellationToken);
                LogOpenStackSimulator(log, resources.OpenStackSimulator.BaseUri);
                resources.Client = OpenStackClient.Create(openStack, SimulatorCredentials(resources.OpenStackSimulator), loggers, time);
            }
            else
            {
                resources.Client = OpenStackClient.FromSettings(openStack, loggers, time);
                LogOpenStack(log, resources.Client.Credentials.AuthUrl, resources.Client.Credentials.Source);
            }

            await CheckProfilesAsync(resources.Client, config, log, cancellationToken);

            PaasSimulator Paas() => resources.Paas ??= new PaasSimulator(PaasSimulatorOptions.Create(config), time);
            HttpClient Http() => resources.Http ??= new HttpClient();
            var capacity = PlatformAdapters.CreateCapacitySource(CapacitySettings.Create(config), time, Http, Paas);
            var platform = PlatformAdapters.CreatePlatform(PlatformSettings.Create(config), time, loggers, Http, Paas);
            if (resources.Paas is not null)
            {
                LogPaasSimulator(log, resources.Paas.Options.Districts.Count);
            }

            return new ProductControllerRuntime(config, loggers, new OpenStackCloud(resources.Client), capacity, platform, resources);
        }
        catch
        {
            await resources.DisposeAsync();
            throw;
        }
    }

    public IControllerStatus Start(ActorSystem system) =>
        _controller = ControllerHost.Start(_config, system, _cloud, _capacity, _platform, TimeProvider.System, _loggers,
            fences: ShardLeaseFencesOf(system),
            metrics: DependencyResolver.For(system).Resolver.GetService<IControllerMetrics>(),
            events: DependencyResolver.For(system).Resolver.GetService<EventFeed>());

    /// <summary>
    /// With a shard lease configured, a district's fence is the lease its shard holds on this member; without one (a
    /// single member on SQLite) nothing else can drive its districts and they are always held.
    /// </summary>
    private static ShardLeaseFences? ShardLeaseFencesOf(ActorSystem system) =>
        system.Settings.Config.GetString("akka.cluster.sharding.use-lease", "") is { Length: > 0 } leasePath
            ? new ShardLeaseFences(system, DistrictEntity.TypeName, leasePath)
            : null;

    public Task StopAsync(CancellationToken cancellationToken) => _controller?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>After the actor system has terminated: the client, then the simulators.</summary>
    public ValueTask DisposeAsync() => _resources.DisposeAsync();

    /// <summary>
    /// A profile whose image, flavor, volume type or network the cloud lacks would fail every launch: stop here with one line per
    /// value at fault. A cloud that cannot be asked now is no reason not to start (readiness reports it).
    /// </summary>
    /// <exception cref="ConfigException">one per value at fault, or one whose message holds a line for each.</exception>
    private static async Task CheckProfilesAsync(OpenStackClient client, Config config, ILogger log, CancellationToken cancellationToken)
    {
        ProfileCheckResult result;
        try
        {
            result = await ProfileCheck.RunAsync(client, config, cancellationToken);
        }
        catch (Exception e) when (e is OpenStackException or CatalogException)
        {
            LogProfilesUnchecked(log, e.Message);
            return;
        }

        switch (result.Problems)
        {
            case []:
                LogProfilesChecked(log, result.Checked.Count);
                break;
            case [var only]:
                throw only;
            case var several:
                throw new ConfigException(null, null, string.Join(Environment.NewLine, several.Select(p => p.Message)));
        }
    }

    private static OpenStackCredentials SimulatorCredentials(OpenStackSimulator simulator) =>
        (OpenRc.FromVariables(simulator.OpenRc) ?? throw new InvalidOperationException("the OpenStack simulator gave no openrc variables"))
            with { Source = "in-process simulator" };

    /// <summary>What the runtime created besides the controller's actors, released in reverse order of need.</summary>
    private sealed class Resources : IAsyncDisposable
    {
        public OpenStackSimulator? OpenStackSimulator { get; set; }

        public OpenStackClient? Client { get; set; }

        public PaasSimulator? Paas { get; set; }

        public HttpClient? Http { get; set; }

        public async ValueTask DisposeAsync()
        {
            Client?.Dispose();
            Http?.Dispose();
            if (OpenStackSimulator is not null)
            {
                await OpenStackSimulator.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OpenStack simulator started in-process at {BaseUri}")]
    private static partial void LogOpenStackSimulator(ILogger logger, Uri baseUri);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driving OpenStack at {AuthUrl} (credentials from {Source})")]
    private static partial void LogOpenStack(ILogger logger, string authUrl, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "The cloud has every profile's image, flavor, volume type and network ({Values} looked up)")]
    private static partial void LogProfilesChecked(ILogger logger, int values);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Profiles not checked against the cloud, which did not answer: {Reason}")]
    private static partial void LogProfilesUnchecked(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "PaaS simulator running in-process with {Districts} districts")]
    private static partial void LogPaasSimulator(ILogger logger, int districts);
}
