using Microsoft.Extensions.Logging;

namespace NodeManager.Actors.Persistence;

public abstract partial class ReceivePersistentActor
{
    // Runs with the mailbox suspended (RunTask): commands sent meanwhile wait until recovery is complete.
    private async Task RecoverAsync()
    {
        try
        {
            var persistence = Persistence;
            var snapshot = await persistence.SnapshotStore.LoadAsync(PersistenceId, SnapshotSelectionCriteria.Latest).ConfigureAwait(false);
            if (snapshot is not null)
            {
                var metadata = snapshot.Metadata;
                var state = persistence.Serializer.Deserialize(PersistenceId, metadata.SequenceNr, snapshot.Manifest, snapshot.Payload);
                LastSequenceNr = SnapshotSequenceNr = metadata.SequenceNr;
                InvokeRecover(new SnapshotOffer(metadata, state));
            }

            var replayed = 0;
            await foreach (var repr in persistence.Journal
                               .ReplayMessagesAsync(PersistenceId, LastSequenceNr + 1, long.MaxValue, long.MaxValue)
                               .ConfigureAwait(false))
            {
                var @event = persistence.Serializer.Deserialize(PersistenceId, repr.SequenceNr, repr.Manifest, repr.Payload);
                LastSequenceNr = repr.SequenceNr;
                InvokeRecover(@event);
                replayed++;
            }

            // Deleted events are not replayed but their numbers stay taken.
            LastSequenceNr = Math.Max(LastSequenceNr, await persistence.Journal.ReadHighestSequenceNrAsync(PersistenceId).ConfigureAwait(false));
            _eventsSinceSnapshot = LastSequenceNr - SnapshotSequenceNr;
            _snapshotInterval = persistence.Options.SnapshotEveryFor(GetType(), SnapshotEvery);
            Log.LogDebug("Recovered {PersistenceId} to sequence number {SequenceNr} (snapshot {SnapshotSequenceNr}, {Replayed} events replayed)",
                PersistenceId, LastSequenceNr, SnapshotSequenceNr, replayed);
        }
        catch (Exception cause)
        {
            OnRecoveryFailure(cause);
            Context.Stop(Self);
            return;
        }

        IsRecovering = false;
        InvokeRecover(RecoveryCompleted.Instance);
        _recoverHandlers = null;
        if (_pending is { Count: > 0 })
            await FlushAsync().ConfigureAwait(false);
    }

    private void InvokeRecover(object message)
    {
        if (_recoverHandlers is null)
            return;
        foreach (var handler in _recoverHandlers)
        {
            if (handler.Matches(message))
            {
                handler.Handle(message);
                return;
            }
        }
    }
}
