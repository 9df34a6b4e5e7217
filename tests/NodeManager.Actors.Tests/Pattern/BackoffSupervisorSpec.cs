using FsCheck;
using FsCheck.Fluent;
using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Pattern;

public sealed class BackoffSupervisorSpec : TestKit.TestKit
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    public BackoffSupervisorSpec()
        : base(useVirtualTime: true)
    {
    }

    [Fact]
    public void BackoffSupervisor_must_forward_messages_to_the_child()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(BackoffOptions.OnStop(ChildProps(), "child", Min, Max, 0)));
        ExpectMsg("child started");

        Send(supervisor, "ping");

        ExpectMsg("pong");
        Assert.Equal("child", LastSender!.Path.Name);
    }

    [Fact]
    public void BackoffSupervisor_OnStop_must_recreate_a_stopped_child_after_min_backoff()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(BackoffOptions.OnStop(ChildProps(), "child", Min, Max, 0)));
        ExpectMsg("child started");

        Send(supervisor, "stop");
        ExpectMsg("child stopped");
        AwaitBackoffThenAdvance(supervisor, Min - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg("child started");
    }

    [Fact]
    public void BackoffSupervisor_must_double_the_delay_up_to_max_backoff()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(
            BackoffOptions.OnFailure(ChildProps(), "child", Min, TimeSpan.FromSeconds(3), 0).WithAutoReset(TimeSpan.FromHours(1))));
        ExpectMsg("child started");

        foreach (var expected in new[] { 1, 2, 3, 3 })
        {
            Send(supervisor, "fail");
            ExpectMsg("child stopped");
            AwaitBackoffThenAdvance(supervisor, TimeSpan.FromSeconds(expected) - TimeSpan.FromMilliseconds(1));
            ExpectNoMsg(TimeSpan.FromMilliseconds(30));
            Time.Advance(TimeSpan.FromMilliseconds(1));
            ExpectMsg("child started");
        }
    }

    [Fact]
    public void BackoffSupervisor_must_reset_the_restart_count_after_the_child_ran_stably()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(
            BackoffOptions.OnFailure(ChildProps(), "child", Min, Max, 0).WithAutoReset(TimeSpan.FromSeconds(30))));
        ExpectMsg("child started");
        Send(supervisor, "fail");
        ExpectMsg("child stopped");
        AwaitBackoffThenAdvance(supervisor, Min);
        ExpectMsg("child started");
        Send(supervisor, BackoffSupervisor.GetRestartCount.Instance);
        Assert.Equal(1, ExpectMsg<BackoffSupervisor.RestartCount>().Count);

        Time.Advance(TimeSpan.FromSeconds(30));

        AwaitAssert(() =>
        {
            Send(supervisor, BackoffSupervisor.GetRestartCount.Instance);
            Assert.Equal(0, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
        });
    }

    [Fact]
    public void BackoffSupervisor_OnFailure_must_stop_when_the_child_stops_by_itself()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(BackoffOptions.OnFailure(ChildProps(), "child", Min, Max, 0)));
        ExpectMsg("child started");
        Watch(supervisor);

        Send(supervisor, "stop");

        ExpectMsg("child stopped");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void BackoffSupervisor_must_report_no_child_and_dead_letter_messages_while_backing_off()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(BackoffOptions.OnStop(ChildProps(), "child", Min, Max, 0)));
        ExpectMsg("child started");
        Send(supervisor, "stop");
        ExpectMsg("child stopped");

        AwaitAssert(() =>
        {
            Send(supervisor, BackoffSupervisor.GetCurrentChild.Instance);
            Assert.Null(ExpectMsg<BackoffSupervisor.CurrentChild>().Ref);
        });
        Send(supervisor, "ping");

        Assert.Equal("ping", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void CalculateDelay_must_stay_between_min_and_max_times_the_random_factor_and_grow_with_restarts()
    {
        Prop.ForAll(
                Gen.Choose(0, 60).ToArbitrary(),
                Gen.Choose(0, 999).ToArbitrary(),
                (restarts, random) =>
                {
                    var options = BackoffOptions.OnStop(ChildProps(), "child", Min, Max, 0.2);
                    var r = random / 1000.0;
                    var delay = options.CalculateDelay(restarts, r);
                    var next = options.CalculateDelay(restarts + 1, r);
                    return delay >= Min && delay <= Max * 1.2 && next >= delay;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void BackoffOptions_must_reject_a_max_below_min()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BackoffOptions.OnStop(ChildProps(), "child", Max, Min, 0));
    }

    // The supervisor schedules the restart on its own turn, when it sees Terminated: wait until
    // it reports no child (same turn) so that advancing the clock cannot overtake the timer.
    private void AwaitBackoffThenAdvance(IActorRef supervisor, TimeSpan by)
    {
        AwaitAssert(() =>
        {
            Send(supervisor, BackoffSupervisor.GetCurrentChild.Instance);
            Assert.Null(ExpectMsg<BackoffSupervisor.CurrentChild>().Ref);
        });
        Time.Advance(by);
    }

    private Props ChildProps()
    {
        var probe = TestActor;
        return Props.Create(() => new Child(probe));
    }

    private sealed class Child : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Child(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("child failure"));
        }

        protected internal override void PreStart() => _probe.Tell("child started");

        protected internal override void PostStop() => _probe.Tell("child stopped");
    }
}
