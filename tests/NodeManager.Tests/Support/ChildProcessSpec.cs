using System.Net;

namespace NodeManager.Tests.Support;

/// <summary>The harness the multi-process tests stand on: signals by PID do what the fault tests rely on.</summary>
public sealed class ChildProcessSpec
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_stopped_child_must_not_answer_until_continued_and_a_killed_one_must_be_gone()
    {
        using var paas = NodemgrProcess.Start(Path.GetTempPath(), "simulate", "paas", "--port", "0");
        var capacity = new Uri(await paas.SimulatorListening.WaitAsync(Limit), "capacity");
        await paas.UntilHttpAsync(capacity, r => r.StatusCode == HttpStatusCode.OK, Limit);

        paas.Signal("STOP");
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var whileStopped = await Record.ExceptionAsync(() => impatient.GetAsync(capacity));
        paas.Signal("CONT");
        await paas.UntilHttpAsync(capacity, r => r.StatusCode == HttpStatusCode.OK, Limit);
        paas.Signal("KILL");
        var code = await paas.WaitForExitAsync(Limit);

        Assert.True(whileStopped is TaskCanceledException, $"a stopped process answered: {whileStopped}\n{paas.Output}");
        Assert.Equal(128 + 9, code);
        Assert.False(PosixProcesses.IsRunning(paas.Pid));
    }

    [Fact]
    public async Task Waiting_for_an_answer_must_give_up_at_once_with_the_output_when_the_child_exits()
    {
        using var paas = NodemgrProcess.Start(Path.GetTempPath(), "simulate", "paas", "--port", "70000");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            paas.UntilHttpAsync(new Uri("http://127.0.0.1:9/"), _ => true, Limit));

        Assert.Contains("exited 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("--port: expected a port 0..65535, got 70000", error.Message, StringComparison.Ordinal);
    }
}
