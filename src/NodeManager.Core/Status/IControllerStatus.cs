namespace NodeManager.Core.Status;

/// <summary>
/// Read side of the controller, as the management endpoint and the CLI see it.
/// Implemented by the controller (it asks its actors); never blocks an actor.
/// </summary>
public interface IControllerStatus
{
    /// <summary>True once every owned district has recovered from the journal and the capacity source answered once.</summary>
    bool IsReady { get; }

    Task<IReadOnlyList<DistrictStatus>> GetDistrictsAsync(CancellationToken cancellationToken);

    /// <summary>Null when no district has that name.</summary>
    Task<DistrictStatus?> GetDistrictAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<NodeStatus>> GetNodesAsync(CancellationToken cancellationToken);

    /// <summary>Null when no node has that name (the host name, e.g. <c>node-3.example.com</c>, or the server name).</summary>
    Task<NodeStatus?> GetNodeAsync(string name, CancellationToken cancellationToken);
}
