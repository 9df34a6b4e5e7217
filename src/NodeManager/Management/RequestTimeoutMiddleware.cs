namespace NodeManager.Management;

/// <summary>
/// Bounds how long a request waits for the controller (<see cref="ManagementSettings.RequestTimeout"/>): the
/// request's cancellation token fires at the deadline, and the exception handler answers 503.
/// </summary>
internal sealed class RequestTimeoutMiddleware(RequestDelegate next, ManagementSettings settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(settings.RequestTimeout);
        context.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestAborted = aborted;
        }
    }
}
