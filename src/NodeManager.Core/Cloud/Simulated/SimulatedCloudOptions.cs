namespace NodeManager.Core.Cloud.Simulated;

/// <summary>
/// Knobs of <see cref="SimulatedCloud"/>. Mutable on purpose (Nodepool style): a test patches the quota or arms a fault
/// while the controller runs. Counters (<see cref="FailBoots"/>, <see cref="TransientFaults"/>) count down per use.
/// Quotas follow Nova and Cinder: a negative quota is unlimited (OpenStack's -1); every server and volume that is not
/// yet gone counts, including servers in ERROR and resources still being deleted.
/// </summary>
public sealed class SimulatedCloudOptions
{
    public TimeSpan BootTime { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan VolumeCreateTime { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan AttachTime { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan DeleteTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before every call answers (on the cloud's TimeProvider); zero answers synchronously.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int InstanceQuota { get; set; } = -1;

    /// <summary>vCPUs of all servers together (Nova's <c>cores</c>).</summary>
    public int CoreQuota { get; set; } = -1;

    /// <summary>RAM of all servers together in MiB (Nova's <c>ram</c>).</summary>
    public int RamMbQuota { get; set; } = -1;

    public int VolumeQuota { get; set; } = -1;

    /// <summary>Size of all volumes together in GiB (Cinder's <c>gigabytes</c>).</summary>
    public int GigabyteQuota { get; set; } = -1;

    /// <summary>The flavors a server may name; another name is refused as Nova refuses an unknown flavor.</summary>
    public IDictionary<string, SimulatedFlavor> Flavors { get; } =
        new Dictionary<string, SimulatedFlavor>(SimulatedFlavor.NovaSamples, StringComparer.Ordinal);

    /// <summary>
    /// While set, every server created goes to ERROR once its boot time has passed, with Nova's scheduler fault
    /// (<see cref="SimulatedCloud.NoValidHostFault"/>): Nova accepts the request and only the scheduler finds no host.
    /// </summary>
    public bool NoValidHost { get; set; }

    /// <summary>The next N servers go to ERROR instead of ACTIVE.</summary>
    public int FailBoots { get; set; }

    /// <summary>While set, reading the limits fails with a 503 (the limits API down while servers still boot).</summary>
    public bool LimitsUnavailable { get; set; }

    /// <summary>The next N calls fail with a 503.</summary>
    public int TransientFaults { get; set; }

    public bool Dns { get; set; }
}
