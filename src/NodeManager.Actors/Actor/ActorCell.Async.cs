using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

// Awaiting a task (ReceiveAsync, RunTask): the mailbox is suspended until the task finishes, so
// the continuation owns the actor exactly as the handler did; Self, Sender and Context stay intact
// because no other message is processed meanwhile.
internal sealed partial class ActorCell
{
    private Task? _awaitedTask;
    private List<SystemMessage>? _deferred;
    private ActorSynchronizationContext? _synchronizationContext;

    /// <summary>
    /// Turn only: starts <paramref name="start"/> under the actor's synchronization context (its
    /// continuations then run as the actor) and suspends the mailbox until the task completes.
    /// A task that has already failed rethrows here, failing the actor at once.
    /// </summary>
    internal void RunTask(Func<Task> start)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        AwaitTask(task);
    }

    private void AwaitTask(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        if (_awaitedTask is not null)
        {
            throw new InvalidOperationException($"[{Self.Path}] is already awaiting a task; await inside one handler instead");
        }

        _awaitedTask = task;
        Mailbox.Suspend();
        task.ContinueWith(
            static (finished, state) => ((ActorCell)state!).Self.SendSystemMessage(new TaskCompleted(finished)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnTaskCompleted(Task task)
    {
        if (!ReferenceEquals(task, _awaitedTask))
        {
            return;
        }

        _awaitedTask = null;
        Mailbox.Resume();
        if (!task.IsCompletedSuccessfully)
        {
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (Exception cause)
            {
                HandleInvokeFailure(cause, _current.Message);
            }
        }

        if (_deferred is { } deferred)
        {
            _deferred = null;
            foreach (var message in deferred)
            {
                SystemInvoke(message);
            }
        }
    }
}
