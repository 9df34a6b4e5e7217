using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Scheduling;

public sealed class SchedulerSpec : TestKit.TestKit
{
    public SchedulerSpec()
        : base(useVirtualTime: true)
    {
    }

    [Fact]
    public void ScheduleTellOnce_must_deliver_after_the_delay_with_the_given_sender()
    {
        var probe = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "later", probe.Ref);

        Time.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg(TimeSpan.FromMilliseconds(30));
        Time.Advance(TimeSpan.FromSeconds(1));

        ExpectMsg("later");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public void ScheduleTellRepeatedly_must_deliver_every_interval_until_cancelled()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick", null);

        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["tick", "tick", "tick"], ReceiveN(3));
        cancelable.Cancel();
        Time.Advance(TimeSpan.FromSeconds(10));

        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.True(cancelable.IsCancellationRequested);
    }
}
