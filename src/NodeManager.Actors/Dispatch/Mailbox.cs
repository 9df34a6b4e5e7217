namespace NodeManager.Actors.Dispatch;

/// <summary>
/// An actor's two queues and its turn on the thread pool. System messages go first; user
/// messages follow in batches of at most <c>Throughput</c>, and after each batch the thread is
/// given back if any other work waits for it, so busy actors cannot starve the rest. The
/// scheduled flag guarantees that an actor never runs concurrently with itself.
/// </summary>
/// <remarks>
/// Members marked "turn only" are touched solely while this mailbox is executing; the rest are
/// safe from any thread.
/// </remarks>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    // Swapped in for the system queue once the actor has stopped; late system messages then
    // get the dead actor's answer (a Watch is answered with DeathWatchNotification at once).
    private static readonly SystemNode Closed = new(Create.Instance);

    private readonly ActorCell _cell;
    private readonly MessageQueue _queue = new();
    private readonly int _throughput;
    private SystemNode? _system;
    private Queue<Envelope>? _front;
    private int _status;
    private volatile int _suspendCount;
    private volatile bool _closed;

    public Mailbox(ActorCell cell, int throughput)
    {
        _cell = cell;
        _throughput = throughput;
    }

    public bool IsClosed => _closed;

    /// <summary>Turn only: how many batches of at most Throughput messages it has processed (observable in specs).</summary>
    public long Batches { get; private set; }

    public void Post(Envelope envelope)
    {
        if (_closed)
        {
            _cell.DeadLetter(envelope);
            return;
        }

        // A message that races with Close is still drained to dead letters by the next turn.
        _queue.Enqueue(envelope);
        TrySchedule();
    }

    public void PostSystem(SystemMessage message)
    {
        var node = new SystemNode(message);
        while (true)
        {
            var head = Volatile.Read(ref _system);
            if (ReferenceEquals(head, Closed))
            {
                _cell.OnSystemMessageAfterStop(message);
                return;
            }

            node.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _system, node, head), head))
            {
                break;
            }
        }

        TrySchedule();
    }

    /// <summary>Turn only: user messages wait until every Suspend has been matched by a Resume.</summary>
    public void Suspend() => _suspendCount++;

    /// <summary>Turn only.</summary>
    public void Resume() => _suspendCount--;

    /// <summary>Turn only: puts messages (e.g. unstashed ones) before everything still queued.</summary>
    public void EnqueueFirst(IEnumerable<Envelope> envelopes)
    {
        var front = new Queue<Envelope>(envelopes);
        if (_front is not null)
        {
            foreach (var envelope in _front)
            {
                front.Enqueue(envelope);
            }
        }

        _front = front;
    }

    /// <summary>Turn only: from now on user messages are dead letters and system messages are answered as by a dead actor.</summary>
    public void Close()
    {
        _closed = true;
        var pending = Interlocked.Exchange(ref _system, Closed);
        foreach (var message in InFifoOrder(pending))
        {
            _cell.OnSystemMessageAfterStop(message);
        }
    }

    public void Execute()
    {
        var previous = ActorCell.EnterTurn(_cell);
        try
        {
            do
            {
                ProcessSystemMessages();
                ProcessUserMessages();
            }
            while (ContinueTurn());
        }
        finally
        {
            ActorCell.ExitTurn(previous);
        }
    }

    private void TrySchedule()
    {
        // Reading before the CAS keeps a busy mailbox's status line shared instead of bouncing it
        // between producers and the running turn; the fence orders the caller's enqueue before
        // the read, so a turn that goes idle after it will see the message.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    // Ends the turn, unless more work arrived meanwhile and nothing else waits for a thread: then
    // going round the thread pool would only cost a queue trip and the wake-up of another worker.
    private bool ContinueTurn()
    {
        var frontPending = _front is { Count: > 0 };
        Interlocked.Exchange(ref _status, Idle); // a full fence: the checks below see every enqueue published before it
        if (!HasWork(frontPending) || Interlocked.CompareExchange(ref _status, Scheduled, Idle) != Idle)
        {
            return false;
        }

        if (ThreadPool.PendingWorkItemCount == 0)
        {
            return true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return false;
    }

    private bool HasWork(bool frontPending)
    {
        var system = Volatile.Read(ref _system);
        if (system is not null && !ReferenceEquals(system, Closed))
        {
            return true;
        }

        if (_closed)
        {
            return _queue.HasMessages;
        }

        return _suspendCount == 0 && (frontPending || _queue.HasMessages);
    }

    private void ProcessSystemMessages()
    {
        while (true)
        {
            var head = Volatile.Read(ref _system);
            if (head is null || ReferenceEquals(head, Closed))
            {
                return;
            }

            if (!ReferenceEquals(Interlocked.CompareExchange(ref _system, null, head), head))
            {
                continue;
            }

            foreach (var message in InFifoOrder(head))
            {
                _cell.SystemInvoke(message);
            }
        }
    }

    private void ProcessUserMessages()
    {
        // Batches of Throughput messages; between batches the thread is given back if any other
        // work waits for it. With nothing waiting, yielding would only cost a thread-pool round
        // trip (and a wake-up of another worker) per batch.
        do
        {
            Batches++;
            for (var left = _throughput; left > 0 && _suspendCount == 0 && !_closed; left--)
            {
                if (!TryDequeue(out var envelope))
                {
                    return;
                }

                _cell.Invoke(envelope);
                if (Volatile.Read(ref _system) is not null)
                {
                    ProcessSystemMessages();
                }
            }

            if (_closed)
            {
                DrainToDeadLetters();
                return;
            }
        }
        while (_suspendCount == 0 && ThreadPool.PendingWorkItemCount == 0);
    }

    private bool TryDequeue(out Envelope envelope)
    {
        if (_front is { Count: > 0 })
        {
            envelope = _front.Dequeue();
            return true;
        }

        return _queue.TryDequeue(out envelope);
    }

    private void DrainToDeadLetters()
    {
        while (TryDequeue(out var envelope))
        {
            _cell.DeadLetter(envelope);
        }
    }

    // The system queue is a lock-free stack (newest first); handlers need oldest first.
    private static IEnumerable<SystemMessage> InFifoOrder(SystemNode? newestFirst)
    {
        SystemNode? oldestFirst = null;
        while (newestFirst is not null && !ReferenceEquals(newestFirst, Closed))
        {
            var next = newestFirst.Next;
            newestFirst.Next = oldestFirst;
            oldestFirst = newestFirst;
            newestFirst = next;
        }

        for (; oldestFirst is not null; oldestFirst = oldestFirst.Next)
        {
            yield return oldestFirst.Message;
        }
    }

    private sealed class SystemNode(SystemMessage message)
    {
        public readonly SystemMessage Message = message;
        public SystemNode? Next;
    }
}
