namespace NodeManager.OpenStack.Compute;

/// <summary>A Nova server as the client reads it; fields that vary between microversions are nullable.</summary>
public sealed record Server(
    string Id,
    string Name,
    string Status,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<ServerAddress> Addresses,
    ServerFault? Fault,
    string? FlavorId,
    string? FlavorName,
    string? ImageId,
    string? KeyName,
    string? AvailabilityZone,
    string? TaskState,
    DateTimeOffset? Created,
    IReadOnlyList<string> AttachedVolumeIds)
{
    public bool IsActive => Status == "ACTIVE";
    public bool IsError => Status == "ERROR";
    /// <summary>ERROR because the scheduler found no host: the cloud is out of capacity, not this server broken.</summary>
    public bool IsNoValidHost => IsError && Fault is { IsNoValidHost: true };
    /// <summary>The first IPv4 address (fixed before floating as Nova lists them), or null while none is assigned.</summary>
    public string? FirstIPv4 => Addresses.FirstOrDefault(a => a.Version == 4)?.Address;
}

public sealed record ServerAddress(string Network, string Address, int Version, string? Type);

/// <summary>A server's <c>fault</c>: set when it is in ERROR. <c>details</c> is only shown to admins.</summary>
public sealed record ServerFault(int? Code, string Message, string? Details, DateTimeOffset? Created)
{
    public bool IsNoValidHost => Errors.ErrorClassifier.IsNoValidHost(Message);
}
