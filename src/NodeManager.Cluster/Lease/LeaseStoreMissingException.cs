using Akka.Coordination;

namespace NodeManager.Cluster.Lease;

/// <summary>The lease table is missing and the lease may not create it (<c>auto-initialize = off</c>).</summary>
public sealed class LeaseStoreMissingException(string message) : LeaseException(message);
