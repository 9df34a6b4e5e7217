using NodeManager.Core.Platform;

namespace NodeManager.Core.Tests.Controller;

/// <summary>A district's status shows its utilisation and its last decision as one capacity read made them.</summary>
public sealed class DistrictStatusSpec : ControllerSpecBase
{
    [Fact]
    public void Utilisation_and_last_decision_must_come_from_the_same_capacity_read()
    {
        var source = new ScriptedSource(Document(activeGears: 50));
        StartController(minNodes: 0, capacity: source);
        AdvanceUntil(() => District("d1")?.LastDecision is not null, "a first decision");

        var first = District("d1")!;
        Assert.Equal(50, first.Utilisation);
        Assert.Contains("usage 50% between", first.LastDecision!.Reason, StringComparison.Ordinal);

        source.Document = Document(activeGears: 65);
        AdvanceUntil(() => District("d1")!.LastDecision!.Reason.Contains("usage 65%", StringComparison.Ordinal), "the decision of the second read");
        Assert.Equal(65, District("d1")!.Utilisation);

        // A failed read decides "hold" from no document at all: no utilisation stands beside it, not the last read's.
        source.Failing = true;
        AdvanceUntil(() => District("d1")!.LastDecision!.Reason.StartsWith("holding:", StringComparison.Ordinal), "the hold of a failed read");
        Assert.Null(District("d1")!.Utilisation);
    }

    private static CapacityDocument Document(int activeGears) => new(
        [new DistrictCapacity("d1", "small", 6000, 100)],
        [new NodeCapacity("h1.example.com", "d1", "small", activeGears, 100, Responding: true)]);

    /// <summary>Answers with whatever document the test last set, or fails while <see cref="Failing"/>.</summary>
    private sealed class ScriptedSource(CapacityDocument document) : ICapacitySource
    {
        public volatile CapacityDocument Document = document;
        public volatile bool Failing;

        public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken) => Failing
            ? Task.FromException<CapacityDocument>(new PlatformException("capacity oo-stats", "exporter exited 1", 1))
            : Task.FromResult(Document);
    }
}
