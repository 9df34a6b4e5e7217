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
    /// How long real time may pass in one <see cref="AdvanceUntil(Func{bool}, string, TimeSpan?)"/> before it fails: a guard
    /// against a hang, not a timing target. Every spec in the process waits for every other's actors to go idle, so
    /// several suites at once on two cores stretch a wait of a few seconds many times over.
    /// </summary>
    internal static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Moves virtual time on in <paramref name="step"/>s (1 s by default), each once the actors are idle, until
    /// <paramref name="condition"/> holds; the condition too is read only while the actors are idle, so it never sees a
    /// state half-way through a change. Fails after <see cref="Patience"/> of real time.
    /// </summary>
    internal void AdvanceUntil(Func<bool> condition, string what, TimeSpan? step = null) =>
        AdvanceUntil(condition, () => what, step);

    internal void AdvanceUntil(Func<bool> condition, Func<string> what, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            // Time never moves on, and the condition is never read, while an actor is still busy.
            Assert.True(AwaitIdle(deadline), $"waiting for {what()} at {Time.GetUtcNow():HH:mm:ss}: {Patience} of real time passed with the actors still busy");
            if (condition()) return;
            Assert.True(DateTime.UtcNow < deadline, $"waiting for {what()} at {Time.GetUtcNow():HH:mm:ss}");
            Scheduler.Advance(step ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Waits until no dispatcher work is queued or running, seen twice in a row around a spin (a handler's own Tell is
    /// queued before it returns, so only a gap the width of that spin could be missed); false when
    /// <paramref name="deadline"/> passed first. The count is the process's: specs running in parallel wait for each
    /// other's actors too, which costs time, never correctness.
    /// </summary>
    internal static bool AwaitIdle(DateTime deadline)
    {
        var spin = new SpinWait();
        var quiet = 0;
        for (; quiet < 2 && DateTime.UtcNow < deadline; spin.SpinOnce())
            quiet = CountingExecutorConfigurator.Pending == 0 ? quiet + 1 : 0;
        return quiet >= 2;
    }
}
