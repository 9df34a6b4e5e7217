using NodeManager.Core.Serialization;

namespace NodeManager.Core.Tests.Serialization;

public sealed class RecoveryFailureSpec
{
    [Fact]
    public void Journal_failure_must_name_persistence_id_the_last_recovered_sequence_number_and_the_cause()
    {
        var cause = new AggregateException(new UnknownManifestException("node.teleported.v9"));

        var message = RecoveryFailure.Describe("node-d1-7", 41, cause);

        Assert.StartsWith("Recovery of persistence id 'node-d1-7' stopped after sequence number 41: Unknown manifest 'node.teleported.v9'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handler_failure_must_name_the_event_and_its_sequence_number()
    {
        var message = RecoveryFailure.Describe("district-d1", 12, new InvalidOperationException("boom"), new Marker());

        Assert.Equal("Recovery of persistence id 'district-d1' stopped at sequence number 12 (event Marker): boom", message);
    }

    private sealed record Marker;
}
