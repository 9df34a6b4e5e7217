namespace NodeManager.Cluster.Lease;

/// <summary>A lease row as anyone reads it: who holds it (null when released), its epoch, until when.</summary>
internal sealed record LeaseRow(string? Owner, long Epoch, DateTimeOffset ExpiresAt);
