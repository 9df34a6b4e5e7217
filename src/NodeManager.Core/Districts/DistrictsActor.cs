using Akka.Actor;
using Akka.Pattern;
using NodeManager.Core.Controller;

namespace NodeManager.Core.Districts;

/// <summary>
/// The parent of every <see cref="DistrictSupervisorActor"/>: starts a district's supervisor the first time a message
/// is addressed to it, under a <see cref="BackoffSupervisor"/> (<c>/user/districts/district-&lt;name&gt;/district</c>)
/// that starts it again, with exponential back-off, whenever it stops — a journal that fails a write or a replay stops
/// a persistent actor, and the restarted one recovers from the journal. Messages sent during a back-off are dropped:
/// the watcher decides again every cycle.
/// </summary>
public sealed class DistrictsActor : ReceiveActor
{
    private readonly ControllerServices _services;
    private readonly Dictionary<string, IActorRef> _supervisors = new(StringComparer.Ordinal);

    public DistrictsActor(ControllerServices services)
    {
        _services = services;
        Receive<ToDistrict>(m => Supervisor(m.District).Forward(m.Message));
        Receive<Terminated>(t =>
        {
            foreach (var name in _supervisors.Where(kv => kv.Value.Equals(t.ActorRef)).Select(kv => kv.Key).ToList())
                _supervisors.Remove(name);
        });
    }

    private IActorRef Supervisor(string district)
    {
        if (_supervisors.TryGetValue(district, out var existing)) return existing;
        var lifecycle = _services.Lifecycle;
        var options = Backoff.OnStop(
            Props.Create(typeof(DistrictSupervisorActor), district, _services), "district",
            lifecycle.RestartBackoffMin, lifecycle.RestartBackoffMax, randomFactor: 0.1, maxNrOfRetries: -1);
        var supervisor = Context.ActorOf(BackoffSupervisor.Props(options), $"district-{district}");
        Context.Watch(supervisor);
        _supervisors[district] = supervisor;
        return supervisor;
    }

    /// <summary>Deliver <see cref="Message"/> to the named district's supervisor (sender preserved).</summary>
    public sealed record ToDistrict(string District, object Message);
}
