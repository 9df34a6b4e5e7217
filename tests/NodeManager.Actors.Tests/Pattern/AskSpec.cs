using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Pattern;

public sealed class AskSpec : TestKit.TestKit
{
    public AskSpec()
        : base(useVirtualTime: true)
    {
    }

    [Fact]
    public async Task Ask_must_fail_with_a_timeout_naming_the_target_and_the_message_type()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");

        var ask = silent.Ask<string>(new Question(), TimeSpan.FromSeconds(3));
        Assert.False(ask.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("/user/silent", error.Message);
        Assert.Contains(typeof(Question).FullName!, error.Message);
    }

    [Fact]
    public async Task Ask_must_throw_the_cause_of_a_Status_Failure_reply()
    {
        var failing = Sys.ActorOf(Props.Create(() => new Replier(new Status.Failure(new InvalidOperationException("no")))));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Ask<string>(new Question(), TimeSpan.FromSeconds(3)));

        Assert.Equal("no", error.Message);
    }

    [Fact]
    public async Task Ask_must_throw_InvalidCastException_for_a_reply_of_another_type()
    {
        var replier = Sys.ActorOf(Props.Create(() => new Replier(42)));

        await Assert.ThrowsAsync<InvalidCastException>(() => replier.Ask<string>(new Question(), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Ask_must_fail_at_once_for_a_stopped_actor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Silent()));
        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(3)));

        await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>(new Question(), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Ask_must_honour_cancellation()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        using var cancellation = new CancellationTokenSource();

        var ask = silent.Ask<string>(new Question(), TimeSpan.FromSeconds(3), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public void PipeTo_must_deliver_the_result_or_a_failure()
    {
        Task.FromResult(7).PipeTo(TestActor);
        Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor);
        Task.FromResult(7).PipeTo(TestActor, success: n => $"got {n}");
        Task.CompletedTask.PipeTo(TestActor);

        ExpectMsg(7);
        Assert.Equal("bad", ExpectMsg<Status.Failure>().Cause.Message);
        ExpectMsg("got 7");
        ExpectMsg<Status.Success>();
    }

    [Fact]
    public async Task GracefulStop_must_return_false_when_the_actor_does_not_stop_in_time()
    {
        var gate = new TaskCompletionSource();
        var busy = Sys.ActorOf(Props.Create(() => new Busy(gate.Task)));
        busy.Tell("work");

        var stop = busy.GracefulStop(TimeSpan.FromSeconds(5));
        await AwaitConditionAsync(() => Time.ActiveTimers > 0);
        Time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(await stop);
        gate.SetResult();
    }

    private sealed record Question;

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier(object reply) => ReceiveAny(_ => Sender.Tell(reply));
    }

    private sealed class Busy : ReceiveActor
    {
        public Busy(Task gate) => ReceiveAsync<string>(_ => gate);
    }
}
