using Microsoft.AspNetCore.Diagnostics;

namespace NodeManager.Management;

/// <summary>
/// Failures behind a route as problem+json. The exception's message never reaches the client — it may quote
/// a cloud answer or a connection string — only its trace id does; the log has the rest.
/// </summary>
internal sealed partial class ControllerExceptionHandler(IProblemDetailsService problems, ILogger<ControllerExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail) = Classify(context, exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogFailed(log, exception, context.Request.Path);
        }
        else
        {
            LogUnavailable(log, context.Request.Path, type);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Type = Problems.TypePrefix + type,
                Title = title,
                Detail = detail,
                Extensions = { ["traceId"] = context.TraceIdentifier },
            },
        });
    }

    private static (int Status, string Type, string Title, string Detail) Classify(HttpContext context, Exception exception) =>
        exception switch
        {
            ControllerNotStartedException => (StatusCodes.Status503ServiceUnavailable, "not-started", "Controller not started",
                "The controller is still starting; its districts and nodes are not known yet. Try again."),
            TimeoutException or OperationCanceledException when !context.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status503ServiceUnavailable, "controller-timeout", "Controller did not answer",
                    "The controller did not answer in time; it may be busy or recovering. Try again."),
            _ => (StatusCodes.Status500InternalServerError, "internal-error", "Internal error",
                "The request failed inside NodeManager; the log has the details under this trace id."),
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Management request {Path} answered 503 {Problem}")]
    private static partial void LogUnavailable(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Management request {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string path);
}
