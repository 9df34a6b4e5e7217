namespace NodeManager.Core.Operations;

/// <summary>
/// One operator action as the management endpoint hands it to the controller: <c>Target</c> names the district, or the
/// node (host name, server name or launch id) for node actions; <c>By</c> is the name of the token that authenticated it.
/// <c>Min</c> and <c>Max</c> are read by <see cref="OperatorAction.SetBounds"/> only.
/// </summary>
public sealed record OperatorRequest(OperatorAction Action, string Target, string By, string? Reason, int? Min = null, int? Max = null);
