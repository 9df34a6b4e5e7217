namespace NodeManager.Simulators.OpenStack;

/// <summary>What the admin handle reports about one server (including ones being deleted).</summary>
public sealed record SimulatedServer(string Id, string Name, string Status, string Flavor, string ImageId,
    IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<string> AttachedVolumeIds, bool Deleting, DateTimeOffset Created);

public sealed record SimulatedVolume(string Id, string? Name, string Status, int SizeGiB, string? ServerId, bool Deleting, DateTimeOffset Created);

public sealed record SimulatedRecordset(string Id, string Zone, string Name, string Type, IReadOnlyList<string> Records);

/// <summary>Global behaviour switches (as opposed to per-operation <see cref="FaultSpec"/>s).</summary>
public sealed record SimulatorModes(bool NoValidHost = false, bool NeverBoots = false, bool VolumeError = false);
