using Akka.Configuration;
using Akka.TestKit;
using Xunit.Abstractions;

namespace NodeManager.Core.Tests.Support;

/// <summary>
/// An Akka TestKit spec on virtual time: Akka's <see cref="TestScheduler"/> drives the actors' timers and
/// <see cref="Time"/> reads the same clock. Journal and snapshot store are Akka.Persistence.TestKit's, whose
/// interceptors fail or reject chosen writes.
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

    /// <summary>Moves virtual time on in <paramref name="step"/>s (1 s by default) until <paramref name="condition"/> holds.</summary>
    internal void AdvanceUntil(Func<bool> condition, string what, TimeSpan? step = null) =>
        AdvanceUntil(condition, () => what, step);

    internal void AdvanceUntil(Func<bool> condition, Func<string> what, TimeSpan? step = null) =>
        AwaitAssert(() =>
        {
            if (condition()) return;
            Scheduler.Advance(step ?? TimeSpan.FromSeconds(1));
            Assert.True(condition(), $"waiting for {what()} at {Time.GetUtcNow():HH:mm:ss}");
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(5));
}
