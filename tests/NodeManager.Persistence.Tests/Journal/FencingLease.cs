using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Tests.Journal;

/// <summary>A stand-in for the cluster's district lease: a precondition that holds until the lease is revoked.</summary>
public sealed record FencingLease(IWritePrecondition Precondition, Func<Task> RevokeAsync);
