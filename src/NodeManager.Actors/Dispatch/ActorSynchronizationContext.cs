namespace NodeManager.Actors.Dispatch;

/// <summary>
/// Installed while an actor starts an asynchronous handler, so that its <c>await</c> continuations
/// run as the actor: a Tell without a sender is sent from it, as on its turn. The mailbox stays
/// suspended meanwhile, so the continuations still run one at a time.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    private readonly ActorCell _cell = cell;

    public override void Post(SendOrPostCallback callback, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            static work =>
            {
                var (context, callback, state) = work;
                var previousContext = Current;
                var previousTurn = ActorCell.EnterTurn(context._cell);
                SetSynchronizationContext(context);
                try
                {
                    callback(state);
                }
                finally
                {
                    SetSynchronizationContext(previousContext);
                    ActorCell.ExitTurn(previousTurn);
                }
            },
            (this, callback, state),
            preferLocal: true);

    public override SynchronizationContext CreateCopy() => this;
}
