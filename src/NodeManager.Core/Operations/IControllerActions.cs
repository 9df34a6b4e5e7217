namespace NodeManager.Core.Operations;

/// <summary>
/// Write side of the controller for the management endpoint: operator actions, each applied and journaled by the
/// district that owns its target, wherever in the cluster that district runs.
/// </summary>
public interface IControllerActions
{
    /// <summary>
    /// Applies <paramref name="request"/> and waits for the owning district's answer. Idempotent: an action already in
    /// effect answers <see cref="OperatorVerdict.Done"/> with <c>Changed</c> false and journals nothing.
    /// </summary>
    /// <exception cref="TimeoutException">the district did not answer in time (it may still apply the action).</exception>
    Task<OperatorOutcome> ActAsync(OperatorRequest request, CancellationToken cancellationToken);
}
