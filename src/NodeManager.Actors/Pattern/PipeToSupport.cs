namespace NodeManager.Actors;

public static class PipeToSupport
{
    /// <summary>
    /// Sends the task's outcome to <paramref name="recipient"/> when it completes: the result (or
    /// <paramref name="success"/>'s mapping of it), or a <see cref="Status.Failure"/> (or
    /// <paramref name="failure"/>'s mapping of the exception). The way to get a task's result back
    /// into an actor without awaiting on its turn.
    /// </summary>
    public static Task PipeTo<T>(
        this Task<T> task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<T, object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Pipe(task, recipient, sender, () => (success is null ? task.Result : success(task.Result)) ?? new Status.Success(null), failure);
    }

    /// <summary>Sends <paramref name="success"/>'s message (default <see cref="Status.Success"/>) or a failure when the task completes.</summary>
    public static Task PipeTo(
        this Task task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Pipe(task, recipient, sender, () => success?.Invoke() ?? new Status.Success(null), failure);
    }

    private static Task Pipe(Task task, IActorRef recipient, IActorRef? sender, Func<object> success, Func<Exception, object>? failure)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            completed =>
            {
                if (completed.IsCompletedSuccessfully)
                {
                    recipient.Tell(success(), sender);
                    return;
                }

                var cause = completed.IsCanceled
                    ? new TaskCanceledException(completed)
                    : completed.Exception!.InnerExceptions.Count == 1 ? completed.Exception.InnerException! : completed.Exception;
                recipient.Tell(failure is null ? new Status.Failure(cause) : failure(cause), sender);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
