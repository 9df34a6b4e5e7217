namespace NodeManager.Core.Fencing;

/// <summary>Fences for a member that is not part of a cluster: it is the only one, so it always drives every district.</summary>
public static class DistrictFences
{
    public static IDistrictFences AlwaysHeld { get; } = new AlwaysHeldFences();

    private sealed class AlwaysHeldFences : IDistrictFences, IDistrictFence
    {
        public IDistrictFence For(string district) => this;

        public FenceStatus Check() => FenceStatus.Holding;
    }
}
