namespace NodeManager.Core.Fencing;

/// <summary>The answer of <see cref="IDistrictFence.Check"/>: held, or lost with the reason an operator reads in the log.</summary>
public readonly record struct FenceStatus(bool Held, string Reason)
{
    public static FenceStatus Holding { get; } = new(true, "held");

    public static FenceStatus Lost(string reason) => new(false, reason);
}
