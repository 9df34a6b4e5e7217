using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace NodeManager.Management;

/// <summary>
/// The RFC 7807 problems of the management API. Each has a stable <c>type</c> URN that clients may switch on;
/// titles are fixed per type, details say what was asked.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:nodemanager:problem:";

    public static ProblemHttpResult NotAlive(string failedChecks) => Problem(
        StatusCodes.Status503ServiceUnavailable, "not-alive", "Not alive", $"Liveness checks failed: {failedChecks}");

    /// <summary>503 whose detail joins the reasons; they are also a <c>reasons</c> list for tools.</summary>
    public static ProblemHttpResult NotReady(IReadOnlyList<string> reasons) => TypedResults.Problem(
        detail: $"Not ready: {string.Join("; ", reasons)}",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Not ready",
        type: TypePrefix + "not-ready",
        extensions: new Dictionary<string, object?> { ["reasons"] = reasons });

    public static ProblemHttpResult UnknownDistrict(string name) => Problem(
        StatusCodes.Status404NotFound, "unknown-district", "Unknown district", $"No district is named '{name}'.");

    public static ProblemHttpResult UnknownNode(string name) => Problem(
        StatusCodes.Status404NotFound, "unknown-node", "Unknown node", $"No node has the host or server name '{name}'.");

    /// <summary>
    /// What a response that routing or the server left without a body means (no route, a route without that method,
    /// a query it could not bind), so that every error of the endpoint carries one of the product's types.
    /// </summary>
    public static (string Type, string Title, string Detail) ForBareStatus(HttpContext context)
    {
        var request = context.Request;
        var path = request.PathBase + request.Path;
        return context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("unknown-route", "Unknown route", $"No route answers {request.Method} {path}."),
            StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "Method not allowed",
                $"{path} does not answer {request.Method}; it answers {string.Join(", ", context.Response.Headers.Allow.ToArray())}."),
            StatusCodes.Status400BadRequest => ("bad-request", "Bad request", $"{request.Method} {path} could not be read as asked."),
            var status => ("http-" + status, ReasonPhrases.GetReasonPhrase(status), $"{request.Method} {path} answered {status}."),
        };
    }

    public static ProblemHttpResult InvalidName(string what, string detail) => Problem(
        StatusCodes.Status400BadRequest, "invalid-name", $"Invalid {what} name", detail);

    public static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypePrefix + type);
}
