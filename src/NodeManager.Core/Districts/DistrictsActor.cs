using Akka.Actor;
using NodeManager.Core.Controller;

namespace NodeManager.Core.Districts;

/// <summary>
/// The parent of every <see cref="DistrictSupervisorActor"/> (<c>/user/districts/district-&lt;name&gt;</c>): starts a
/// district's supervisor the first time a message is addressed to it, and again after it stopped (a failed journal
/// write stops a persistent actor; the next message brings it back from its journal).
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
        var services = _services;
        var supervisor = Context.ActorOf(Props.Create(typeof(DistrictSupervisorActor), district, services), $"district-{district}");
        Context.Watch(supervisor);
        _supervisors[district] = supervisor;
        return supervisor;
    }

    /// <summary>Deliver <see cref="Message"/> to the named district's supervisor (sender preserved).</summary>
    public sealed record ToDistrict(string District, object Message);
}
