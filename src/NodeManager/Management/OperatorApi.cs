using Microsoft.AspNetCore.Http.HttpResults;
using NodeManager.Core.Districts;
using NodeManager.Core.Operations;

namespace NodeManager.Management;

/// <summary>
/// The operator actions of the management API (v1): drain, protect, unprotect, retry and forget a node; pause, resume,
/// set or clear the bounds of a district and have it evaluated now. Every route needs a bearer token
/// (<see cref="BearerTokenFilter"/>); the district that owns the target journals the action with the token's name.
/// </summary>
public static class OperatorApi
{
    // Each route: its verb, the kind of target and the action. Every one takes the target's name from the path.
    private static readonly (string Method, string Target, string Path, OperatorAction Action)[] Routes =
    [
        ("POST", "nodes", "drain", OperatorAction.Drain),
        ("POST", "nodes", "protect", OperatorAction.Protect),
        ("POST", "nodes", "unprotect", OperatorAction.Unprotect),
        ("POST", "nodes", "retry", OperatorAction.Retry),
        ("POST", "nodes", "forget", OperatorAction.Forget),
        ("POST", "districts", "pause", OperatorAction.Pause),
        ("POST", "districts", "resume", OperatorAction.Resume),
        ("PUT", "districts", "bounds", OperatorAction.SetBounds),
        ("DELETE", "districts", "bounds", OperatorAction.ClearBounds),
        ("POST", "districts", "scale-now", OperatorAction.ScaleNow),
    ];

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder routes)
    {
        foreach (var (method, target, path, action) in Routes)
        {
            Guard(routes.MapMethods($"/{target}/{{name}}/{path}", [method],
                (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
                    Act(http, action, name, actions, redactor, ct)));
        }

        return routes;
    }

    private static void Guard(RouteHandlerBuilder route) => route.AddEndpointFilter<BearerTokenFilter>();

    internal static async Task<Results<Ok<OperatorActionResponse>, ProblemHttpResult>> Act(
        HttpContext http, OperatorAction action, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var targetsNode = action.TargetsNode();
        if (ResourceName.Validate(name, targetsNode ? "node" : "district") is { } invalidName)
        {
            return invalidName;
        }

        var body = await OperatorActionBody.ReadAsync(http.Request, cancellationToken);
        if (body.Error is { } bodyError)
        {
            return Problems.Problem(StatusCodes.Status400BadRequest, "invalid-body", "Invalid request body", bodyError);
        }

        if (action == OperatorAction.SetBounds && OverrideRules.BoundsError(body.Min, body.Max) is { } boundsError)
        {
            return InvalidBounds(boundsError);
        }

        var request = new OperatorRequest(action, name, BearerTokenFilter.OperatorName(http), body.Reason, body.Min, body.Max);
        var outcome = await actions.ActAsync(request, cancellationToken);
        return outcome.Verdict switch
        {
            OperatorVerdict.Done => TypedResults.Ok(new OperatorActionResponse(
                ManagementApi.Version, action.Name(), outcome.Target, outcome.By, outcome.At, redactor.Redact(outcome.Reason), outcome.Changed,
                redactor.Redact(outcome.Detail))),
            OperatorVerdict.UnknownTarget => targetsNode ? Problems.UnknownNode(name) : Problems.UnknownDistrict(name),
            OperatorVerdict.Invalid => InvalidBounds(redactor.Redact(outcome.Detail) ?? "invalid bounds"),
            _ => Problems.Problem(StatusCodes.Status409Conflict, "conflict", $"Cannot {action.Name()} {outcome.Target}",
                redactor.Redact(outcome.Detail) ?? "The target is not in a state this action applies to."),
        };
    }

    private static ProblemHttpResult InvalidBounds(string detail) =>
        Problems.Problem(StatusCodes.Status400BadRequest, "invalid-bounds", "Invalid bounds", detail);
}
