using Akka.Actor;
using Microsoft.Extensions.Logging;
using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Capacity.CapacityWatcher;

namespace NodeManager.Core.Capacity;

/// <summary>
/// Polls the capacity source every <c>capacity.interval</c> (once for the whole cluster: it runs as a cluster singleton), merges the document with the districts' published state,
/// asks <see cref="ScalingPolicy"/>, and sends each district its decision (ScaleUp, ScaleDown or Hold with a reason)
/// through the district shard region, wherever the district runs.
/// A source that fails or times out makes every district hold — no scaling on stale data. Each cycle it also looks for
/// leaked servers (this cluster's metadata, no node knows them): reported always, deleted only with
/// <c>cleanup.delete-leaked = on</c>.
/// </summary>
public sealed partial class CapacityWatcherActor : ReceiveActor, IWithTimers
{
    private const string PollTimer = "poll";

    private readonly ControllerServices _services;
    private readonly IActorRef _districts;
    private readonly ILogger _log;
    private PolicyMemory _memory = PolicyMemory.Empty;
    private IReadOnlyList<PolicyCondition> _conditions = [];
    private bool _reading;

    public CapacityWatcherActor(ControllerServices services, IActorRef districts)
    {
        _services = services;
        _districts = districts;
        _log = services.Loggers.CreateLogger(LogSources.Watcher);
        Receive<Poll>(_ => OnPoll());
        Receive<EvaluateNow>(_ => OnPoll());
        Receive<CapacityRead>(OnRead);
        Receive<CapacityFailed>(OnFailed);
        Receive<LeakScan>(OnLeakScan);
        Receive<Akka.Actor.Status.Failure>(f =>
        {
            _services.Board.CloudFault = $"a leak scan call failed: {f.Cause.Message}";
            _services.Board.PublishCapacity();
            LogLeakScanFailed(_log, f.Cause.Message);
        });
        Receive<Akka.Actor.Status.Success>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(PollTimer, Poll.Instance, TimeSpan.Zero, _services.CapacitySettings.Interval);
    }

    private void OnPoll()
    {
        if (_reading) return;
        _reading = true;
        var time = _services.Time;
        _services.Capacity.ReadAsync(CancellationToken.None)
            .WaitAsync(_services.CapacitySettings.Timeout, time)
            .PipeTo(Self, success: doc => new CapacityRead(doc), failure: error => new CapacityFailed(error));
    }

    private void OnRead(CapacityRead read)
    {
        _reading = false;
        var board = _services.Board;
        board.LastDocument = read.Document;
        board.CapacityAnswered = true;
        board.CapacityFault = null;
        var views = new Dictionary<string, DistrictView>(board.Districts, StringComparer.Ordinal);
        var snapshot = CapacitySnapshots.Build(read.Document, views, _services.Districts, _memory, board.CloudBackoff);
        var now = Now;
        var outcome = ScalingPolicy.Decide(snapshot, _services.Scaling, now);
        _memory = outcome.Memory;
        if (!outcome.Conditions.SequenceEqual(_conditions))
            foreach (var condition in outcome.Conditions)
                LogCondition(_log, condition.Type, condition.Subject, condition.Message);
        _conditions = outcome.Conditions;

        foreach (var decision in outcome.Decisions)
        {
            var district = snapshot.Districts.First(d => d.Name == decision.District);
            var conditions = outcome.Conditions.Where(c => c.Subject == district.Profile || c.Subject == district.Name).ToList();
            _districts.Tell(DistrictEntity.To(decision.District, new DistrictSupervisor.Decide(
                district.Profile, decision, CapacitySnapshots.ServingHosts(read.Document, decision.District, views.GetValueOrDefault(decision.District)),
                conditions,
                read.Document.Nodes.Where(n => n.District == decision.District).Select(n => n.Name).ToHashSet(StringComparer.Ordinal),
                views.TryGetValue(decision.District, out var view) ? view.State.NextSeq - 1 : 0,
                Utilisation: Usage.Of(district.Nodes).Percent)));
        }

        board.PublishCapacity();
        Context.System.EventStream.Publish(new Evaluated(now, outcome));
        _services.Cloud.ListServersAsync(CloudMetadata.ForCluster(_services.Cluster), CancellationToken.None)
            .PipeTo(Self, success: servers => new LeakScan(servers));
    }

    private void OnFailed(CapacityFailed failed)
    {
        _reading = false;
        var reason = failed.Error is TimeoutException
            ? $"holding: the capacity source did not answer within {_services.CapacitySettings.Timeout}"
            : $"holding: the capacity source failed: {failed.Error.Message}";
        _services.Board.CapacityFault = reason;
        LogSourceFailed(_log, reason);
        _services.Board.PublishCapacity();
        foreach (var view in _services.Board.Districts.Values)
            _districts.Tell(DistrictEntity.To(view.Name,
                new DistrictSupervisor.Decide(view.Profile, new Hold(view.Name, reason), [], view.Conditions)));
        Context.System.EventStream.Publish(new SourceFailed(Now, reason));
    }

    private void OnLeakScan(LeakScan scan)
    {
        _services.Board.CloudFault = null;
        var known = _services.Board.Districts.Values
            .SelectMany(v => v.State.Nodes.Values.Select(n => n.ServerName))
            .ToHashSet(StringComparer.Ordinal);
        var now = Now;
        var leaked = scan.Servers
            .Where(s => !known.Contains(s.Name) && (s.Created is not { } created || now - created >= _services.Cleanup.LeakGrace))
            .ToList();
        _services.Board.Leaks = [.. leaked.Select(s => s.Name)];
        _services.Board.PublishCapacity();
        if (leaked.Count == 0) return;
        foreach (var server in leaked)
        {
            // Only the member that drives the leak's district may delete it: elsewhere its nodes are not on the board.
            var district = server.Metadata.GetValueOrDefault(CloudMetadata.District) ?? "";
            var fence = _services.Fences.For(district).Check();
            LogLeak(_log, server.Name, server.Id,
                !_services.Cleanup.DeleteLeaked ? "set cleanup.delete-leaked = on to delete it"
                : fence.Held ? "deleting it (cleanup.delete-leaked = on)"
                : $"not deleting it: this member does not hold district '{district}' ({fence.Reason})");
            if (_services.Cleanup.DeleteLeaked && fence.Held)
                _services.Cloud.DeleteServerAsync(server.Id, CancellationToken.None).PipeTo(Self);
        }

        Context.System.EventStream.Publish(new LeaksFound(now, _services.Board.Leaks, _services.Cleanup.DeleteLeaked));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void LogSourceFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "condition {Type} on {Subject}: {Message}")]
    private static partial void LogCondition(ILogger logger, string type, string subject, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "leaked server {Name} ({Id}) carries this cluster's metadata but no node knows it; {Action}")]
    private static partial void LogLeak(ILogger logger, string name, string id, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "leak scan failed: {Error}")]
    private static partial void LogLeakScanFailed(ILogger logger, string error);
}
