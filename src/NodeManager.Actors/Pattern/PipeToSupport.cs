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
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            completed =>
            {
                if (completed.IsCompletedSuccessfully)
                {
                    var result = success is null ? completed.Result : success(completed.Result);
                    recipient.Tell(result ?? new Status.Success(null), sender);
                }
                else
                {
                    var cause = Unwrap(completed);
                    recipient.Tell(failure is null ? new Status.Failure(cause) : failure(cause), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
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
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            completed =>
            {
                if (completed.IsCompletedSuccessfully)
                {
                    recipient.Tell(success?.Invoke() ?? new Status.Success(null), sender);
                }
                else
                {
                    var cause = Unwrap(completed);
                    recipient.Tell(failure is null ? new Status.Failure(cause) : failure(cause), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) =>
        task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
}
