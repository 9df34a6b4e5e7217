using NodeManager.Core.Status;

namespace NodeManager.Management;

/// <summary>
/// The endpoint binds before the controller exists (a port in use fails start-up before any cloud call), so it
/// serves this slot: not ready and 503 until the host attaches the controller's status.
/// </summary>
public sealed class ControllerStatusSlot : IControllerStatus
{
    private volatile IControllerStatus? _status;

    public void Attach(IControllerStatus status) => _status = status;

    public bool IsReady => _status?.IsReady ?? false;

    public IReadOnlyList<string> NotReadyReasons => _status?.NotReadyReasons ?? ["the controller has not started yet"];

    public Task<IReadOnlyList<DistrictStatus>> GetDistrictsAsync(CancellationToken cancellationToken) =>
        Current.GetDistrictsAsync(cancellationToken);

    public Task<DistrictStatus?> GetDistrictAsync(string name, CancellationToken cancellationToken) =>
        Current.GetDistrictAsync(name, cancellationToken);

    public Task<IReadOnlyList<NodeStatus>> GetNodesAsync(CancellationToken cancellationToken) =>
        Current.GetNodesAsync(cancellationToken);

    public Task<NodeStatus?> GetNodeAsync(string name, CancellationToken cancellationToken) =>
        Current.GetNodeAsync(name, cancellationToken);

    private IControllerStatus Current => _status ?? throw new ControllerNotStartedException();
}

/// <summary>Answered with 503 <c>not-started</c>: the controller is still starting (or failed to).</summary>
public sealed class ControllerNotStartedException() : InvalidOperationException("The controller has not started yet.");
