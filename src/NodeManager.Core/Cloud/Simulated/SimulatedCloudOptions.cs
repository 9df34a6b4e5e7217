namespace NodeManager.Core.Cloud.Simulated;

/// <summary>
/// Knobs of <see cref="SimulatedCloud"/>. Mutable on purpose (Nodepool style): a test patches the quota or arms a fault
/// while the controller runs. Counters (<see cref="FailBoots"/>, <see cref="TransientFaults"/>) count down per use.
/// </summary>
public sealed class SimulatedCloudOptions
{
    public TimeSpan BootTime { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan VolumeCreateTime { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan AttachTime { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan DeleteTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before every call answers (on the cloud's TimeProvider); zero answers synchronously.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int InstanceQuota { get; set; } = int.MaxValue;

    public int VolumeQuota { get; set; } = int.MaxValue;

    /// <summary>Every create-server answers "No valid host" while set.</summary>
    public bool NoValidHost { get; set; }

    /// <summary>The next N servers go to ERROR instead of ACTIVE.</summary>
    public int FailBoots { get; set; }

    /// <summary>The next N calls fail with a 503.</summary>
    public int TransientFaults { get; set; }

    public bool Dns { get; set; }
}
