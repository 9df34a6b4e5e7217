namespace NodeManager.Tests.Faults;

/// <summary>
/// The multi-process fault specs: each starts two simulators and up to three members, so they run one at a time, after
/// the parallel specs, and stay short (failure detector, split brain resolver and lease timed in seconds).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "faults";
}
