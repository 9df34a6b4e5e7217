namespace NodeManager.Core.Status;

/// <summary>
/// Read side of the controller, as the management endpoint and the CLI see it.
/// Implemented by the controller (it asks its actors); never blocks an actor.
/// </summary>
public interface IControllerStatus
{
    /// <summary>True when <see cref="NotReadyReasons"/> is empty.</summary>
    bool IsReady => NotReadyReasons.Count == 0;

    /// <summary>
    /// Why the controller is not ready, one line each: the capacity source has not answered or its last read failed;
    /// the cloud's last answer was a failure; a district the capacity document names has not started, is still
    /// recovering, or its journal failed. Empty when ready.
    /// </summary>
    IReadOnlyList<string> NotReadyReasons { get; }

    Task<IReadOnlyList<DistrictStatus>> GetDistrictsAsync(CancellationToken cancellationToken);

    /// <summary>Null when no district has that name.</summary>
    Task<DistrictStatus?> GetDistrictAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<NodeStatus>> GetNodesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The node named <paramref name="name"/> (host name, e.g. <c>node-3.example.com</c>, server name or launch id): the live
    /// one when finished nodes held the same name before it; null when no node has that name.
    /// </summary>
    Task<NodeStatus?> GetNodeAsync(string name, CancellationToken cancellationToken);
}
