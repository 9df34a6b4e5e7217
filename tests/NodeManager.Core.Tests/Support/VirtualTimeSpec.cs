using Akka.Configuration;
using Akka.TestKit;
using Xunit.Abstractions;

namespace NodeManager.Core.Tests.Support;

/// <summary>
/// An Akka TestKit spec on virtual time: Akka's <see cref="TestScheduler"/> drives the actors' timers and
/// <see cref="Time"/> reads the same clock, and time moves on only once every actor is idle (no dispatcher work
/// queued or running, see <see cref="CountingExecutorConfigurator"/>), so a slow machine never lets a deadline pass
/// while the actors are still busy. Journal and snapshot store are Akka.Persistence.TestKit's, whose interceptors fail
/// or reject chosen writes.
/// </summary>
public abstract class VirtualTimeSpec : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>
    /// A persistent actor's recovery-event timeout runs on the scheduler: a spec that advances virtual time past it
    /// while a replay is in flight would fail the recovery, so it is set beyond any spec's horizon. (The journal's
    /// circuit breaker times out on real time.)
    /// </summary>
    public static readonly Config Configuration = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.actor.default-dispatcher.executor = "NodeManager.Core.Tests.Support.CountingExecutorConfigurator, NodeManager.Core.Tests"
        akka.actor.internal-dispatcher.executor = "NodeManager.Core.Tests.Support.CountingExecutorConfigurator, NodeManager.Core.Tests"
        akka.persistence {
          journal {
            plugin = "akka.persistence.journal.test"
            auto-start-journals = ["akka.persistence.journal.test"]
            test {
              class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
              plugin-dispatcher = "akka.actor.default-dispatcher"
              recovery-event-timeout = 1d
            }
          }
          snapshot-store {
            plugin = "akka.persistence.snapshot-store.test"
            auto-start-snapshot-stores = ["akka.persistence.snapshot-store.test"]
            test {
              class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
              plugin-dispatcher = "akka.actor.default-dispatcher"
            }
          }
        }
        """);

    protected VirtualTimeSpec(ITestOutputHelper? output = null)
        : base(Configuration, output: output)
    {
        Scheduler = (TestScheduler)Sys.Scheduler;
        Time = new SchedulerTimeProvider(Sys.Scheduler);
    }

    internal TestScheduler Scheduler { get; }

    internal TimeProvider Time { get; }

    /// <summary>
    /// Moves virtual time on in <paramref name="step"/>s (1 s by default), each once the actors are idle, until
    /// <paramref name="condition"/> holds; fails after 60 s of real time.
    /// </summary>
    internal void AdvanceUntil(Func<bool> condition, string what, TimeSpan? step = null) =>
        AdvanceUntil(condition, () => what, step);

    internal void AdvanceUntil(Func<bool> condition, Func<string> what, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            AwaitIdle(deadline);
            if (condition()) return;
            Assert.True(DateTime.UtcNow < deadline, $"waiting for {what()} at {Time.GetUtcNow():HH:mm:ss}");
            Scheduler.Advance(step ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Waits until no dispatcher work is queued or running, seen twice in a row around a spin (a handler's own Tell is
    /// queued before it returns, so only a gap the width of that spin could be missed). The count is the process's:
    /// specs running in parallel wait for each other's actors too, which costs time, never correctness.
    /// </summary>
    internal static void AwaitIdle(DateTime deadline)
    {
        var spin = new SpinWait();
        for (var quiet = 0; quiet < 2 && DateTime.UtcNow < deadline; spin.SpinOnce())
            quiet = CountingExecutorConfigurator.Pending == 0 ? quiet + 1 : 0;
    }
}
