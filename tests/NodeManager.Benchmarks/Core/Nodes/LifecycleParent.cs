using Akka.Actor;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// Stands in for a district supervisor: starts <c>count</c> <see cref="NodeLifecycleActor"/>s, sends each its launch,
/// and completes <see cref="Round.Active"/> once every one of them has reported Active. A node that stops or fails on
/// the way fails the round, naming it, instead of leaving the benchmark waiting.
/// </summary>
internal sealed class LifecycleParent : ReceiveActor
{
    // Nodes stay up once Active (no passivation): the suites measure the actors themselves.
    private static readonly NodeLifecycleSettings KeepActors = NodeLifecycleSettings.Default with { PassivateAfter = null };

    private readonly HashSet<string> _active = new(StringComparer.Ordinal);

    public LifecycleParent(Round round)
    {
        for (var i = 1; i <= round.Count; i++)
        {
            var launchId = $"{round.Name}-{i}";
            var node = Context.ActorOf(
                Props.Create(typeof(NodeLifecycleActor), launchId, round.Runner, KeepActors, TimeProvider.System, round.Log),
                $"node-{i}");
            Context.Watch(node);
            node.Tell(new NodeLifecycle.Launch(launchId, round.District, BenchmarkController.Profile.Name, i, $"{round.District}_{i}",
                $"{round.District}-{i}.paas.example.com"));
        }

        Receive<NodeLifecycle.NodeChanged>(changed =>
        {
            var view = changed.View;
            if (view.Phase == NodePhase.Active && _active.Add(view.LaunchId) && _active.Count == round.Count)
                round.Active.TrySetResult();
            else if (view.Phase.IsTerminal() || view.LastError is not null)
                round.Active.TrySetException(new InvalidOperationException($"{view.Host} is {view.Phase}: {view.LastError}"));
        });
        Receive<Terminated>(t => round.Active.TrySetException(
            new InvalidOperationException($"{t.ActorRef.Path.Name} stopped before Active; first warning logged: {round.Log.First ?? "none"}")));
    }

    /// <summary>One benchmark round: how many nodes, named after <see cref="Name"/>, launched with <see cref="Runner"/>.</summary>
    public sealed record Round(string Name, string District, int Count, NodeStepRunner Runner)
    {
        public TaskCompletionSource Active { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public FirstWarningLogger Log { get; } = new();
    }
}
