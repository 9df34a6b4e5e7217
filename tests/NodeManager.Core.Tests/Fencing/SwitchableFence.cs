using NodeManager.Core.Fencing;

namespace NodeManager.Core.Tests.Fencing;

/// <summary>A fence the spec holds or loses at will, for every district alike; counts how often it was asked.</summary>
internal sealed class SwitchableFence : IDistrictFences, IDistrictFence
{
    private volatile StrongBox _status = new(FenceStatus.Holding);
    private int _checks;

    public int Checks => Volatile.Read(ref _checks);

    public IDistrictFence For(string district) => this;

    public FenceStatus Check()
    {
        Interlocked.Increment(ref _checks);
        return _status.Value;
    }

    public void Lose(string reason) => _status = new StrongBox(FenceStatus.Lost(reason));

    public void Hold() => _status = new StrongBox(FenceStatus.Holding);

    // A struct cannot be volatile; a box swapped whole is read whole.
    private sealed record StrongBox(FenceStatus Value);
}
