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
        var timedOut = exception is TimeoutException || (exception is OperationCanceledException && !context.RequestAborted.IsCancellationRequested);
        if (timedOut)
        {
            LogTimedOut(log, context.Request.Path);
        }
        else
        {
            LogFailed(log, exception, context.Request.Path);
        }

        var (status, type, title, detail) = timedOut
            ? (StatusCodes.Status503ServiceUnavailable, "controller-timeout", "Controller did not answer",
                "The controller did not answer in time; it may be busy or recovering. Try again.")
            : (StatusCodes.Status500InternalServerError, "internal-error", "Internal error",
                "The request failed inside NodeManager; the log has the details under this trace id.");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Management request {Path} timed out waiting for the controller")]
    private static partial void LogTimedOut(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Management request {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string path);
}
