using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Scheduling;

public sealed class TimerSchedulerSpec : TestKit.TestKit
{
    private readonly ManualResetEventSlim _gate = new();

    public TimerSchedulerSpec()
        : base(useVirtualTime: true)
    {
    }

    [Fact]
    public void A_single_timer_must_fire_once_after_its_delay()
    {
        var actor = Started(new Start("tick", TimeSpan.FromSeconds(10), Periodic: false));

        Time.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Time.Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Send(actor, "active?");
        ExpectMsg(false);
    }

    [Fact]
    public void A_periodic_timer_must_fire_every_interval_until_cancelled()
    {
        var actor = Started(new Start("tick", TimeSpan.FromSeconds(5), Periodic: true));

        Time.Advance(TimeSpan.FromSeconds(5));
        ExpectMsg("tick");
        Time.Advance(TimeSpan.FromSeconds(5));
        ExpectMsg("tick");
        Send(actor, "cancel");
        ExpectMsg("cancelled");
        Time.Advance(TimeSpan.FromSeconds(20));

        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Restarting_a_timer_with_the_same_key_must_replace_it()
    {
        var actor = Started(new Start("first", TimeSpan.FromSeconds(5), Periodic: false));

        Send(actor, new Start("second", TimeSpan.FromSeconds(10), Periodic: false));
        ExpectMsg("started");
        Time.Advance(TimeSpan.FromSeconds(10));

        ExpectMsg("second");
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_cancelled_timer_must_not_deliver_a_message_that_was_already_queued()
    {
        var actor = Started(new Start("tick", TimeSpan.FromSeconds(1), Periodic: false));

        // While the actor is busy the tick lands in its mailbox; the busy handler then cancels.
        Send(actor, "block then cancel");
        ExpectMsg("blocked");
        Time.Advance(TimeSpan.FromSeconds(1));
        _gate.Set();

        ExpectMsg("cancelled");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Timers_must_be_cancelled_on_restart()
    {
        var actor = Started(new Start("tick", TimeSpan.FromSeconds(5), Periodic: true));

        Send(actor, "fail");
        ExpectMsg("restarted");
        Time.Advance(TimeSpan.FromSeconds(60));

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, Time.ActiveTimers);
    }

    [Fact]
    public void Timers_must_be_cancelled_on_stop()
    {
        var actor = Started(new Start("tick", TimeSpan.FromSeconds(5), Periodic: true));
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Equal(0, Time.ActiveTimers);
    }

    private IActorRef Started(Start start)
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerUser(_gate)));
        Send(actor, start);
        ExpectMsg("started");
        return actor;
    }

    private sealed record Start(string Message, TimeSpan Delay, bool Periodic);

    private sealed class TimerUser : ReceiveActor
    {
        private IActorRef? _probe;

        public TimerUser(ManualResetEventSlim gate)
        {
            Receive<Start>(start =>
            {
                _probe = Sender;
                if (start.Periodic)
                {
                    Timers.StartPeriodicTimer("key", start.Message, start.Delay);
                }
                else
                {
                    Timers.StartSingleTimer("key", start.Message, start.Delay);
                }

                Sender.Tell("started");
            });
            Receive<string>(s => s == "active?", _ => Sender.Tell(Timers.IsTimerActive("key")));
            Receive<string>(s => s == "cancel", _ =>
            {
                Timers.Cancel("key");
                Sender.Tell("cancelled");
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart"));
            Receive<string>(s => s == "block then cancel", _ =>
            {
                Sender.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(5));
                Timers.Cancel("key");
                Sender.Tell("cancelled");
            });
            Receive<string>(message => _probe!.Tell(message));
        }

        protected internal override void PreRestart(Exception reason, object? message)
        {
            _probe!.Tell("restarted");
            base.PreRestart(reason, message);
        }
    }
}
