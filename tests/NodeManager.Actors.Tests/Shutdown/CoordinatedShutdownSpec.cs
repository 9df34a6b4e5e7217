using System.Collections.Concurrent;
using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Shutdown;

public sealed class CoordinatedShutdownSpec : TestKit.TestKit
{
    [Fact]
    public async Task Run_must_run_the_phases_in_order_and_terminate_the_system_last()
    {
        var order = new ConcurrentQueue<string>();
        var shutdown = Sys.CoordinatedShutdown;
        foreach (var phase in CoordinatedShutdown.Phases.Reverse())
        {
            shutdown.AddTask(phase, $"record-{phase}", () =>
            {
                order.Enqueue(phase);
                return Task.CompletedTask;
            });
        }

        await shutdown.Run("spec");

        Assert.Equal(CoordinatedShutdown.Phases, order);
        Assert.True(Sys.WhenTerminated.IsCompleted);
        Assert.Equal("spec", shutdown.Reason);
    }

    [Fact]
    public async Task Shutdown_must_stop_actors_top_down_with_children_stopping_before_their_parents()
    {
        var stopped = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new Node(stopped, 2)), "root");

        await Sys.CoordinatedShutdown.Run("spec");

        var order = stopped.ToList();
        Assert.Equal(7, order.Count);
        foreach (var path in order)
        {
            var parent = path[..path.LastIndexOf('/')];
            if (parent != "/user")
            {
                Assert.True(order.IndexOf(path) < order.IndexOf(parent), $"{path} stopped after its parent: {string.Join(", ", order)}");
            }
        }
    }

    [Fact]
    public async Task A_failing_task_must_not_stop_the_sequence()
    {
        var ran = false;
        Sys.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "fails", () => throw new InvalidOperationException("unbind failed"));
        Sys.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "runs", () =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await Sys.CoordinatedShutdown.Run("spec");

        Assert.True(ran);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Run_must_be_idempotent()
    {
        var first = Sys.CoordinatedShutdown.Run("first");

        Assert.Same(first, Sys.CoordinatedShutdown.Run("second"));
        Assert.Equal("first", Sys.CoordinatedShutdown.Reason);
    }

    [Fact]
    public void AddTask_must_reject_an_unknown_phase_naming_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Sys.CoordinatedShutdown.AddTask("after-party", "x", () => Task.CompletedTask));

        Assert.Contains("service-unbind", error.Message);
    }

    private sealed class Node : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stopped;

        public Node(ConcurrentQueue<string> stopped, int depth)
        {
            _stopped = stopped;
            if (depth > 0)
            {
                Context.ActorOf(Props.Create(() => new Node(stopped, depth - 1)), "a");
                Context.ActorOf(Props.Create(() => new Node(stopped, depth - 1)), "b");
            }
        }

        protected internal override void PostStop() => _stopped.Enqueue(Self.Path.ToStringWithoutAddress());
    }
}
