using Akka.Actor;
using Akka.Persistence.TestKit;
using NodeManager.Core.Capacity;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>/ready's source: the controller is ready only when every named district runs and its inputs answered.</summary>
public sealed class ReadinessSpec : ControllerSpecBase
{
    [Fact]
    public void Controller_must_not_be_ready_before_the_capacity_source_answered_and_its_districts_recovered()
    {
        var host = StartController();

        Assert.False(host.IsReady);
        Assert.Contains("the capacity source has not answered yet", host.NotReadyReasons);

        AdvanceUntil(() => host.IsReady, () => $"ready (reasons: {string.Join("; ", host.NotReadyReasons)})");
        Assert.Empty(host.NotReadyReasons);
    }

    [Fact]
    public async Task District_whose_journal_replay_fails_must_make_the_controller_unready_naming_it_and_recover_with_back_off()
    {
        var host = StartController();
        AdvanceUntil(() => host.IsReady && NodesIn(NodePhase.Active) >= 1, "ready with an active node");

        // The district stops (as after a failed write) and its replay fails from then on.
        await Journal.OnRecovery.Fail();
        Sys.ActorSelection("/user/districts/district-d1/district").Tell(PoisonPill.Instance);

        AdvanceUntil(() => host.NotReadyReasons.Any(r => r.StartsWith("district d1: recovery failed", StringComparison.Ordinal)),
            () => $"the district named as failing (reasons: {string.Join("; ", host.NotReadyReasons)})");
        Assert.False(host.IsReady);

        await Journal.OnRecovery.Pass();
        AdvanceUntil(() => host.IsReady, () => $"ready again (reasons: {string.Join("; ", host.NotReadyReasons)})");
        Assert.Single(World.Cloud.Servers);
    }

    [Fact]
    public void Controller_must_name_a_failing_capacity_source_among_its_reasons()
    {
        var source = new SwitchableSource(World.Paas);
        var host = StartController(capacity: source);
        AdvanceUntil(() => host.IsReady, "ready");

        source.Failing = true;
        host.Watcher.Tell(CapacityWatcher.Poll.Instance);

        AdvanceUntil(() => host.NotReadyReasons.Any(r => r.Contains("the capacity source failed", StringComparison.Ordinal)),
            () => $"the source named (reasons: {string.Join("; ", host.NotReadyReasons)})");
    }

    /// <summary>The PaaS simulator's capacity document, or a failure while <see cref="Failing"/>.</summary>
    private sealed class SwitchableSource(ICapacitySource inner) : ICapacitySource
    {
        public volatile bool Failing;

        public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken) => Failing
            ? Task.FromException<CapacityDocument>(new PlatformException("capacity oo-stats", "exporter exited 1", 1))
            : inner.ReadAsync(cancellationToken);
    }
}
