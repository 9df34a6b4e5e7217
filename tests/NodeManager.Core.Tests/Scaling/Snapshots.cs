using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>Small builders for policy inputs, so each spec states only what matters to it.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static NodeSnapshot Node(string name, int gears, int max = 100, bool responding = true, NodePhase? phase = NodePhase.Active,
        bool protectedNode = false, DateTimeOffset? activeSince = null) =>
        new(name, gears, max, responding, phase, protectedNode, activeSince ?? T0.AddHours(-1));

    public static DistrictSnapshot District(string name, params NodeSnapshot[] nodes) =>
        new(name, "small", 6000, 1000, 0, 50, nodes);

    public static CapacitySnapshot Of(params DistrictSnapshot[] districts) => new(districts, PolicyMemory.Empty);

    /// <summary>Settings with no sustained windows or cool-downs, so one evaluation acts at once.</summary>
    public static ScalingSettings Eager { get; } = ScalingSettings.Default with
    {
        ScaleUpSustainedFor = TimeSpan.Zero,
        ScaleDownUnneededTime = TimeSpan.Zero,
        ScaleUpCooldown = TimeSpan.Zero,
        ScaleDownCooldown = TimeSpan.Zero,
        ScaleDownDelayAfterAdd = TimeSpan.Zero,
    };

    public static ScalingDecision For(this PolicyOutcome outcome, string district) => outcome.Decisions.Single(d => d.District == district);
}
