namespace NodeManager.Core.Fencing;

/// <summary>The fence of each district, by name (the default <see cref="DistrictFences.AlwaysHeld"/> for one member alone).</summary>
public interface IDistrictFences
{
    /// <summary>The fence of <paramref name="district"/>; cheap, may be called once per district incarnation.</summary>
    IDistrictFence For(string district);
}
