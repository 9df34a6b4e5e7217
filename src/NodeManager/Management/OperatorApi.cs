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
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder routes)
    {
        var nodes = routes.MapGroup("/nodes/{name}");
        Guard(nodes.MapPost("/drain", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.Drain, name, actions, redactor, ct)));
        Guard(nodes.MapPost("/protect", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.Protect, name, actions, redactor, ct)));
        Guard(nodes.MapPost("/unprotect", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.Unprotect, name, actions, redactor, ct)));
        Guard(nodes.MapPost("/retry", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.Retry, name, actions, redactor, ct)));
        Guard(nodes.MapPost("/forget", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.Forget, name, actions, redactor, ct)));

        var districts = routes.MapGroup("/districts/{name}");
        Guard(districts.MapPost("/pause", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.Pause, name, actions, redactor, ct)));
        Guard(districts.MapPost("/resume", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.Resume, name, actions, redactor, ct)));
        Guard(districts.MapPut("/bounds", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.SetBounds, name, actions, redactor, ct)));
        Guard(districts.MapDelete("/bounds", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.ClearBounds, name, actions, redactor, ct)));
        Guard(districts.MapPost("/scale-now", (HttpContext http, string name, IControllerActions actions, SecretRedactor redactor, CancellationToken ct) =>
            Act(http, OperatorAction.ScaleNow, name, actions, redactor, ct)));
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
