namespace NodeManager.Cluster.Lease;

/// <summary>A lease row as its holder saw it after a successful write: its epoch and when the database lets it go.</summary>
internal sealed record LeaseTenure(long Epoch, DateTimeOffset ExpiresAt);
