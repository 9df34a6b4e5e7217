namespace NodeManager.Actors.Persistence;

public abstract partial class ReceivePersistentActor
{
    // Created on the first Persist and dropped when flushed: an idle actor holds no empty list.
    private List<Invocation>? _pending;
    private bool _asyncCommandRunning;
    private long _eventsSinceSnapshot;
    private int _snapshotInterval;

    /// <summary>
    /// Journals <paramref name="event"/>; <paramref name="handler"/> runs with it once the write is durable. Nothing
    /// else is processed until then. Call from command handlers (or from persist handlers, to chain writes).
    /// </summary>
    protected void Persist<T>(T @event, Action<T> handler)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        PersistAll([@event], handler);
    }

    /// <summary>Journals the events atomically (all or none); <paramref name="handler"/> runs once per event, in order.</summary>
    protected void PersistAll<T>(IEnumerable<T> events, Action<T> handler)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        if (IsRecovering)
            throw new InvalidOperationException($"{PersistenceId}: Persist is not allowed during recovery.");
        var list = events.Cast<object>().ToList();
        if (list.Count > 0)
            (_pending ??= []).Add(new Invocation(list, e => handler((T)e)));
    }

    /// <summary>Saves <paramref name="snapshot"/> as the state after <see cref="LastSequenceNr"/>; replies <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/>.</summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr);
        (string Manifest, byte[] Payload) serialized;
        try
        {
            // Serialized now, on the actor's turn: the state object may change as soon as the handler returns.
            serialized = Persistence.Serializer.Serialize(snapshot);
        }
        catch (PersistenceRejectedException cause)
        {
            Self.Tell(new SaveSnapshotFailure(metadata, cause));
            return;
        }

        SnapshotSequenceNr = metadata.SequenceNr;
        _eventsSinceSnapshot = 0;
        Persistence.SnapshotStore.SaveAsync(new StoredSnapshot(metadata, serialized.Manifest, serialized.Payload))
            .PipeTo(Self, success: () => new SaveSnapshotSuccess(metadata), failure: cause => new SaveSnapshotFailure(metadata, cause));
    }

    /// <summary>Deletes journaled events up to <paramref name="toSequenceNr"/>; replies <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.</summary>
    protected void DeleteMessages(long toSequenceNr) =>
        Persistence.Journal.DeleteMessagesToAsync(PersistenceId, toSequenceNr)
            .PipeTo(Self, success: () => new DeleteMessagesSuccess(toSequenceNr), failure: cause => new DeleteMessagesFailure(cause, toSequenceNr));

    // Runs with the mailbox suspended. Everything persisted by one command goes out as one atomic write, so a refused
    // write can never leave a later write of the same command in the journal.
    private async Task FlushAsync()
    {
        while (_pending is { Count: > 0 } invocations)
        {
            _pending = null;
            var accepted = new List<(object Event, Action<object> Handler, PersistentRepr Repr)>();
            var next = LastSequenceNr;
            foreach (var invocation in invocations)
            {
                var serialized = TrySerialize(invocation, next);
                if (serialized is null)
                    continue;
                for (var i = 0; i < serialized.Count; i++)
                    accepted.Add((invocation.Events[i], invocation.Handler, serialized[i]));
                next += serialized.Count;
            }

            if (accepted.Count == 0)
                continue;

            var write = new AtomicWrite(accepted.Select(a => a.Repr).ToList(), WritePrecondition);
            Exception? failure;
            try
            {
                failure = (await Persistence.Journal.WriteMessagesAsync([write]).ConfigureAwait(false))[0];
            }
            catch (Exception cause)
            {
                failure = cause;
            }

            if (failure is PersistenceRejectedException)
            {
                OnPersistRejected(failure, accepted[0].Event, write.LowestSequenceNr);
                continue;
            }

            if (failure is not null)
            {
                _pending = null;
                OnPersistFailure(failure, accepted[0].Event, write.LowestSequenceNr);
                Context.Stop(Self);
                return;
            }

            foreach (var (@event, handler, repr) in accepted)
            {
                LastSequenceNr = repr.SequenceNr;
                handler(@event);
                MaybeSnapshot();
            }
        }
    }

    private List<PersistentRepr>? TrySerialize(Invocation invocation, long lastSequenceNr)
    {
        var writerUuid = _writerUuid.ToString("N");
        var reprs = new List<PersistentRepr>(invocation.Events.Count);
        foreach (var @event in invocation.Events)
        {
            try
            {
                var (manifest, payload) = Persistence.Serializer.Serialize(@event);
                reprs.Add(new PersistentRepr(PersistenceId, lastSequenceNr + reprs.Count + 1, manifest, payload, writerUuid));
            }
            catch (PersistenceRejectedException cause)
            {
                OnPersistRejected(cause, @event, lastSequenceNr + reprs.Count + 1);
                return null;
            }
        }

        return reprs;
    }

    private void MaybeSnapshot()
    {
        _eventsSinceSnapshot++;
        if (_snapshotInterval > 0 && _eventsSinceSnapshot >= _snapshotInterval && SnapshotState is { } state)
            SaveSnapshot(state);
    }

    private sealed record Invocation(IReadOnlyList<object> Events, Action<object> Handler);
}
