using NodeManager.Actors;
using Xunit.Sdk;

namespace NodeManager.Actors.Tests.Testing;

public sealed class TestKitSpec : TestKit.TestKit
{
    [Fact]
    public void ExpectMsg_must_say_what_was_expected_and_what_came()
    {
        TestActor.Tell(42);

        var error = Assert.Throws<XunitException>(() => ExpectMsg<string>());

        Assert.Contains("ExpectMsg<String>", error.Message);
        Assert.Contains("Int32 42", error.Message);
    }

    [Fact]
    public void ExpectMsg_must_say_how_long_it_waited()
    {
        var error = Assert.Throws<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(20)));

        Assert.Contains("timeout after 20 ms", error.Message);
    }

    [Fact]
    public void Within_must_bound_the_default_timeout_and_fail_a_slow_block()
    {
        var error = Assert.Throws<XunitException>(() => Within(TimeSpan.FromMilliseconds(50), () => ExpectMsg<string>()));

        Assert.Contains("timeout after", error.Message);
    }

    [Fact]
    public void FishForMessage_must_skip_messages_until_one_matches()
    {
        foreach (var n in new[] { 1, 2, 3 })
        {
            TestActor.Tell(n);
        }

        Assert.Equal(3, FishForMessage<int>(n => n > 2));
    }

    [Fact]
    public void A_probe_must_reply_to_the_last_sender()
    {
        var probe = CreateTestProbe();
        probe.Tell("question", TestActor);
        probe.ExpectMsg("question");

        probe.Reply("answer");

        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task AskAsync_must_fail_on_the_wall_clock_naming_target_and_message()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");

        var error = await Assert.ThrowsAsync<XunitException>(() => AskAsync<string>(silent, 42, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("/user/silent", error.Message);
        Assert.Contains("Int32", error.Message);
    }

    [Fact]
    public void Time_must_refuse_a_real_time_kit()
    {
        Assert.Throws<InvalidOperationException>(() => Time);
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }
}
