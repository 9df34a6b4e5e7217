using NodeManager.Core.Operations;

namespace NodeManager.Management;

/// <summary>
/// Like <see cref="ControllerStatusSlot"/>: the endpoint binds before the controller exists, so operator actions go
/// through this slot and answer 503 <c>not-started</c> until the host attaches the controller.
/// </summary>
public sealed class ControllerActionsSlot : IControllerActions
{
    private volatile IControllerActions? _actions;

    public void Attach(IControllerActions actions) => _actions = actions;

    public Task<OperatorOutcome> ActAsync(OperatorRequest request, CancellationToken cancellationToken) =>
        (_actions ?? throw new ControllerNotStartedException()).ActAsync(request, cancellationToken);
}
