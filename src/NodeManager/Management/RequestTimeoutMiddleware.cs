namespace NodeManager.Management;

/// <summary>
/// Bounds how long a request waits for the controller (<see cref="ManagementSettings.RequestTimeout"/>): the
/// request's cancellation token fires at the deadline, and the exception handler answers 503.
/// </summary>
internal sealed class RequestTimeoutMiddleware(RequestDelegate next, ManagementSettings settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<NoRequestTimeout>() is not null)
        {
            await next(context);
            return;
        }

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

/// <summary>Endpoint metadata: the route answers for as long as its client listens (a stream), without the deadline.</summary>
internal sealed class NoRequestTimeout
{
    public static NoRequestTimeout Instance { get; } = new();
}
