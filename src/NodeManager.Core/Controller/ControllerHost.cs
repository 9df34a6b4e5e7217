using Akka.Actor;
using Akka.Cluster.Sharding;
using Microsoft.Extensions.Logging;
using NodeManager.Core.Capacity;
using NodeManager.Core.Cloud;
using NodeManager.Core.Districts;
using NodeManager.Core.Events;
using NodeManager.Core.Fencing;
using NodeManager.Core.Metrics;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;
using NodeManager.Core.Status;
using NodeManager.Hocon;

namespace NodeManager.Core.Controller;

/// <summary>
/// The controller inside one actor system: the district shard region (a <see cref="DistrictSupervisorActor"/> per
/// district, each with its <see cref="NodeLifecycleActor"/>s, see <see cref="DistrictEntity"/>) and the capacity
/// watcher (a cluster singleton, see <see cref="StartClustered"/>); and its read side (<see cref="IControllerStatus"/>)
/// for the management endpoint.
/// </summary>
/// <remarks>
/// What the host passes to <see cref="Start"/>:
/// <list type="bullet">
/// <item>the root <see cref="Config"/> (resolved; <c>node-manager.cluster-name</c>, <c>.capacity</c>, <c>.scaling</c>,
/// <c>.districts</c>, <c>.profiles</c>, <c>.cleanup</c> and <c>.persistence.snapshot-every*</c> are read here — <c>.platform</c> and <c>.simulators.paas</c>
/// only by whoever builds the adapters, see <see cref="PlatformAdapters"/> and <c>PaasSimulator</c>);</item>
/// <item>an <see cref="ActorSystem"/> whose journal and snapshot store are configured, with the product's serializer
/// bound to the controller's events;</item>
/// <item>the <see cref="ICloud"/> (e.g. <c>OpenStackCloud</c> over the OpenStack simulator in the demo), the
/// <see cref="ICapacitySource"/> and <see cref="IPlatform"/> (for <c>simulated</c>, one <c>PaasSimulator</c> is both);</item>
/// <item>the <see cref="TimeProvider"/> (the system clock in production; in tests one reading Akka's TestScheduler, so
/// that timestamps and the actors' timers move together) and the <see cref="ILoggerFactory"/>.</item>
/// </list>
/// Stop with <see cref="StopAsync"/> in coordinated shutdown's <c>service-stop</c> phase, before the system terminates:
/// it stops the watcher first (no new decisions), then the districts (their nodes' state is already journaled; a
/// lifecycle in mid-step resumes from the journal on the next start).
/// </remarks>
public sealed partial class ControllerHost : IControllerStatus
{
    private readonly ActorSystem _system;
    private readonly TimeProvider _time;
    private readonly ClusterParts? _cluster;

    private ControllerHost(ActorSystem system, ControllerServices services, IActorRef districts, IActorRef watcher, ClusterParts? cluster)
    {
        _system = system;
        Services = services;
        Districts = districts;
        Watcher = watcher;
        _time = services.Time;
        _cluster = cluster;
    }

    public ControllerServices Services { get; }

    /// <summary>The district shard region: send it <see cref="DistrictEntity.To"/> envelopes.</summary>
    public IActorRef Districts { get; }

    /// <summary>The capacity watcher (in a cluster, a proxy to the singleton): send it <see cref="CapacityWatcher.Poll"/> to evaluate now.</summary>
    public IActorRef Watcher { get; }

    public ControllerBoard Board => Services.Board;

    /// <summary>Reads the controller's settings from <paramref name="config"/> and starts its actors.</summary>
    /// <param name="fences">Whether this member still drives each district; null for a member alone, which always does.</param>
    /// <param name="metrics">Where the actors report what happens; null counts nothing.</param>
    /// <param name="events">Where the board records what changes in each district (the management endpoint's feed); its own when null.</param>
    /// <exception cref="ConfigException">a controller key is missing or out of range (names file:line:col and key).</exception>
    public static ControllerHost Start(
        Config config, ActorSystem system, ICloud cloud, ICapacitySource capacity, IPlatform platform, TimeProvider time, ILoggerFactory loggers,
        IDistrictFences? fences = null, IControllerMetrics? metrics = null, EventFeed? events = null)
    {
        var scaling = ScalingSettings.Create(config);
        var services = new ControllerServices(
            config.GetString("node-manager.cluster-name"),
            cloud,
            capacity,
            platform,
            CapacitySettings.Create(config),
            scaling,
            NodeLifecycleSettings.Create(config),
            DistrictsSettings.Create(config),
            ProfilesSettings.Create(config),
            CleanupSettings.Create(config),
            new ControllerBoard(events, time),
            new LimitsCache(cloud, time, scaling.LimitsCacheTtl),
            time,
            loggers)
        {
            Snapshots = SnapshotSettings.Create(config),
            Fences = fences ?? DistrictFences.AlwaysHeld,
            Metrics = metrics ?? NoControllerMetrics.Instance,
        };
        return StartClustered(services, system);
    }

    /// <summary>
    /// Starts the watcher as a plain actor beside <paramref name="districts"/>, a region speaking the shard region's
    /// protocol, in an actor system without Akka.Cluster (specs on virtual time, benchmarks).
    /// </summary>
    public static ControllerHost Start(ControllerServices services, ActorSystem system, IActorRef districts)
    {
        var watcher = system.ActorOf(Props.Create(typeof(CapacityWatcherActor), services, districts), "capacity-watcher");
        return new ControllerHost(system, services, districts, watcher, null);
    }

    /// <summary>Stops the watcher, then the districts with their nodes (handed over to other members, if any); safe to call twice.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(10);
        if (_cluster is { } cluster)
        {
            await StopQuietly(cluster.WatcherManager, timeout).ConfigureAwait(false);
            await StopQuietly(Districts, timeout, GracefulShutdown.Instance).ConfigureAwait(false);
            return;
        }

        await StopQuietly(Watcher, timeout).ConfigureAwait(false);
        await StopQuietly(Districts, timeout).ConfigureAwait(false);
    }

    /// <summary>Asks a district to drain one of its nodes (operator command); answers DrainAccepted or DrainRefused.</summary>
    public Task<object> RequestDrainAsync(string district, string host, string reason, CancellationToken cancellationToken) =>
        Districts.Ask<object>(DistrictEntity.To(district, new DistrictSupervisor.RequestDrain(host, reason)),
            TimeSpan.FromSeconds(10), cancellationToken);

    public bool IsReady => NotReadyReasons.Count == 0;

    public IReadOnlyList<string> NotReadyReasons
    {
        get
        {
            var board = Board;
            var reasons = new List<string>();
            if (_cluster?.NotReady() is { } member) reasons.Add(member);
            if (!board.CapacityAnswered) reasons.Add("the capacity source has not answered yet");
            if (board.CapacityFault is { } capacity) reasons.Add(capacity);
            if (board.CloudFault is { } cloud) reasons.Add($"cloud: {cloud}");
            var named = board.LastDocument?.Districts.Select(d => d.Name) ?? [];
            foreach (var district in named.Order(StringComparer.Ordinal))
            {
                if (board.DistrictFaults.TryGetValue(district, out var fault)) reasons.Add($"district {district}: {fault}");
                else if (!board.Districts.TryGetValue(district, out var view)) reasons.Add($"district {district}: not started yet");
                else if (!view.Recovered) reasons.Add($"district {district}: recovering from the journal");
            }

            return reasons;
        }
    }

    public Task<IReadOnlyList<DistrictStatus>> GetDistrictsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DistrictStatus>>(
            [.. Board.Districts.Values.OrderBy(d => d.Name, StringComparer.Ordinal).Select(ToStatus)]);

    public Task<DistrictStatus?> GetDistrictAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Board.Districts.TryGetValue(name, out var view) ? ToStatus(view) : null);

    public Task<IReadOnlyList<NodeStatus>> GetNodesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NodeStatus>>([.. AllNodes().Select(ToStatus)]);

    public Task<NodeStatus?> GetNodeAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(AllNodes().Where(n => n.Host == name || n.ServerName == name || n.LaunchId == name)
            .OrderBy(n => n.Phase.IsTerminal() ? 1 : 0).Select(ToStatus).FirstOrDefault());

    private IEnumerable<NodeView> AllNodes() => Board.Districts.Values
        .OrderBy(d => d.Name, StringComparer.Ordinal)
        .SelectMany(d => d.Nodes.Concat(d.Finished));

    private DistrictStatus ToStatus(DistrictView view)
    {
        var now = _time.GetUtcNow();
        var byState = view.Nodes.Concat(view.Finished).GroupBy(n => n.Phase.ToString())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var document = Board.LastDocument;
        var managed = view.Nodes.Select(n => n.Host).ToHashSet(StringComparer.Ordinal);
        var reported = document?.Nodes.Where(n => n.District == view.Name).ToList() ?? [];
        var unmanaged = reported.Count(n => !managed.Contains(n.Name));
        if (unmanaged > 0) byState["Unmanaged"] = unmanaged;
        double? utilisation = view.Utilisation is { } percent ? Math.Round(percent, 1) : null;

        var conditions = new List<ConditionStatus>();
        if (view.State.Backoff is { } backoff)
            conditions.Add(new ConditionStatus("exhausted", $"{(view.State.BackoffScope == ExhaustionScope.Cloud ? "cloud" : "district")}: {backoff.Message}",
                backoff.Since, backoff.RetryAt));
        else if (Board.CloudBackoff is { } cloud && cloud.IsActive(now))
            conditions.Add(new ConditionStatus("exhausted", $"cloud: {cloud.Message}", cloud.Since, cloud.RetryAt));
        if (view.State.LaunchFailing is { } failing)
            conditions.Add(new ConditionStatus("launch-failing",
                $"{failing.Attempts} launch(es) in a row failed: {failing.Message}", failing.Since, failing.RetryAt));
        conditions.AddRange(view.Conditions.Select(c => new ConditionStatus(c.Type, c.Message, view.State.LastDecision?.At ?? now, null)));
        if (view.Nodes.Where(n => n.Alerting).Select(n => n.Host).ToList() is { Count: > 0 } stalled)
            conditions.Add(new ConditionStatus("drain-stalled", $"drain needs an operator: {string.Join(", ", stalled)}", now, null));

        return new DistrictStatus(view.Name, view.Profile, view.Settings.MinNodes, view.Settings.MaxNodes, view.Settings.Paused,
            byState, utilisation, view.State.LastDecision, conditions, Board.Owners.GetValueOrDefault(view.Name), OverridesOf(view.State))
        {
            HighWaterMark = Services.Scaling.HighWaterMark,
            LowWaterMark = Services.Scaling.LowWaterMark,
        };
    }

    private NodeStatus ToStatus(NodeView node)
    {
        var gears = Board.LastDocument?.Nodes.FirstOrDefault(n => n.Name == node.Host)?.ActiveGears;
        var district = Board.Districts.GetValueOrDefault(node.District);
        var protectedBy = district is null ? null : OverrideRules.ProtectedBy(node.Host, district.Settings, district.State);
        return new NodeStatus(node.Host, node.LaunchId, node.ServerName, node.District, node.Profile, node.Phase.ToString(), node.ServerId, node.VolumeId,
            gears, node.LastError, HistoryOf(node, district), protectedBy is not null, protectedBy);
    }

    private async Task StopQuietly(IActorRef actor, TimeSpan timeout, object? stopMessage = null)
    {
        try
        {
            if (await actor.GracefulStop(timeout, stopMessage ?? PoisonPill.Instance).ConfigureAwait(false))
                return;
        }
        catch (Exception e) when (e is TaskCanceledException or AskTimeoutException)
        {
            // A stop that overruns may fail the task rather than answer false: stopped below all the same.
        }

        _system.Stop(actor);
    }
}
