using Akka.Actor;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// Stands in for a district supervisor: starts <c>count</c> <see cref="NodeLifecycleActor"/>s, sends each its launch,
/// and completes <see cref="Round.Active"/> once every one of them has reported Active. Like a district, it recreates a
/// node actor that stopped on the way (a journal write that failed or timed out stops it, Akka's rule) after
/// <see cref="NodeLifecycleSettings.RestartBackoffMin"/>, and it counts those restarts; a node that ends Failed fails
/// the round, naming it, instead of leaving the benchmark waiting.
/// </summary>
internal sealed class LifecycleParent : ReceiveActor, IWithTimers
{
    // Nodes stay up once Active (no passivation): the suites measure the actors themselves. The simulators answer at
    // once, so a waiting node looks again after 20 ms rather than the 5 s a real cloud's attach or join deserves: with
    // the default, every node waits out the same few intervals and a round measures the waits, not the work.
    private static readonly NodeLifecycleSettings KeepActors = NodeLifecycleSettings.Default with
    {
        PassivateAfter = null,
        PollInterval = TimeSpan.FromMilliseconds(20),
    };

    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, int> _nodes = [];
    private readonly Round _round;

    public LifecycleParent(Round round)
    {
        _round = round;
        for (var i = 1; i <= round.Count; i++)
            Start(i);

        Receive<NodeLifecycle.NodeChanged>(changed =>
        {
            var view = changed.View;
            if (view.Phase == NodePhase.Active && _active.Add(view.LaunchId) && _active.Count == round.Count)
                round.Active.TrySetResult();
            else if (view.Phase.IsTerminal())
                round.Active.TrySetException(new InvalidOperationException($"{view.Host} is {view.Phase}: {view.LastError}"));
        });
        Receive<Terminated>(t =>
        {
            if (!_nodes.Remove(t.ActorRef, out var index) || _active.Contains(LaunchId(index))) return;
            Interlocked.Increment(ref round.Restarts);
            Timers.StartSingleTimer($"restart-{index}", new Restart(index), KeepActors.RestartBackoffMin);
        });
        Receive<Restart>(r => Start(r.Index));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string LaunchId(int index) => $"{_round.Name}-{index}";

    private void Start(int index)
    {
        var launchId = LaunchId(index);
        var node = Context.ActorOf(
            Props.Create(typeof(NodeLifecycleActor), launchId, _round.Runner, KeepActors, TimeProvider.System, _round.Log),
            $"node-{index}-{_round.Restarts}");
        Context.Watch(node);
        _nodes[node] = index;
        node.Tell(new NodeLifecycle.Launch(launchId, _round.District, BenchmarkController.Profile.Name, index, $"{_round.District}_{index}",
            $"{_round.District}-{index}.paas.example.com"));
    }

    private sealed record Restart(int Index);

    /// <summary>One benchmark round: how many nodes, named after <see cref="Name"/>, launched with <see cref="Runner"/>.</summary>
    public sealed record Round(string Name, string District, int Count, NodeStepRunner Runner)
    {
        /// <summary>Node actors that stopped before Active and were started again.</summary>
        public int Restarts;

        public TaskCompletionSource Active { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public FirstWarningLogger Log { get; } = new();
    }
}
