using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Actor;

public sealed class ReceiveAsyncSpec : TestKit.TestKit
{
    [Fact]
    public void ReceiveAsync_must_not_process_the_next_message_until_the_task_completes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Awaiter(gate.Task)));

        Send(actor, "slow");
        Send(actor, "fast");
        ExpectMsg("started slow");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        gate.SetResult();

        ExpectMsg("finished slow");
        ExpectMsg("started fast");
        ExpectMsg("finished fast");
    }

    [Fact]
    public void ReceiveAsync_must_keep_Self_and_Sender_after_an_await()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Awaiter(gate.Task)), "awaiter");
        var probe = CreateTestProbe();

        probe.Send(actor, "who");
        probe.ExpectMsg("started who");
        gate.SetResult();

        probe.ExpectMsg("finished who");
        Assert.Equal(actor, probe.LastSender);
    }

    [Fact]
    public void A_Tell_after_an_await_must_carry_the_actor_as_implicit_sender()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new ImplicitSender(gate.Task, TestActor)));

        actor.Tell("go");
        gate.SetResult();

        ExpectMsg("after await");
        Assert.Equal(actor, LastSender);
    }

    [Fact]
    public void Stop_must_wait_for_a_running_async_handler_so_PostStop_never_overlaps_it()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Awaiter(gate.Task)));
        Watch(actor);
        Send(actor, "slow");
        ExpectMsg("started slow");

        Sys.Stop(actor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        gate.SetResult();

        ExpectMsg("finished slow");
        ExpectMsg("stopped");
        ExpectTerminated(actor);
    }

    [Fact]
    public void A_faulted_task_must_fail_the_actor_and_the_supervisor_must_restart_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FailingAwaiter()));

        Send(actor, "count");
        ExpectMsg(1);
        Send(actor, "fail");
        Send(actor, "count");

        ExpectMsg(1); // a fresh instance: the restart reset the counter
    }

    private sealed class Awaiter : ReceiveActor
    {
        private IActorRef? _lastSender;

        public Awaiter(Task gate)
        {
            ReceiveAsync<string>(async text =>
            {
                _lastSender = Sender;
                Sender.Tell($"started {text}");
                await gate;
                await Task.Yield(); // continue on another pool thread
                Sender.Tell($"finished {text}", Self);
            });
        }

        protected internal override void PostStop() => _lastSender?.Tell("stopped");
    }

    private sealed class ImplicitSender : ReceiveActor
    {
        public ImplicitSender(Task gate, IActorRef probe)
        {
            ReceiveAsync<string>(async _ =>
            {
                await gate;
                probe.Tell("after await");
            });
        }
    }

    private sealed class FailingAwaiter : ReceiveActor
    {
        private int _count;

        public FailingAwaiter()
        {
            ReceiveAsync<string>(text => text == "fail", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("async failure");
            });
            Receive<string>(_ => Sender.Tell(++_count));
        }
    }
}
