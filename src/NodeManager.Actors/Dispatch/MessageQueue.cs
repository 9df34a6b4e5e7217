namespace NodeManager.Actors.Dispatch;

/// <summary>
/// An unbounded multi-producer, single-consumer FIFO (Vyukov's intrusive queue). An idle queue is
/// one stub node (~40 bytes) where a <c>Channel&lt;T&gt;</c> costs ~1.4 KB, which is what keeps an
/// idle actor under 1 KB. Enqueue is one atomic exchange; dequeue is lock-free.
/// </summary>
/// <remarks>
/// Between a producer's exchange and its link the consumer may see the queue as empty; that is
/// safe because every producer schedules the mailbox after linking.
/// </remarks>
internal sealed class MessageQueue
{
    private Node _head;
    private Node _tail;

    public MessageQueue()
    {
        _head = _tail = new Node(default);
    }

    /// <summary>True when a message is (fully) linked. Consumer side only.</summary>
    public bool HasMessages => Volatile.Read(ref _tail.Next) is not null;

    public void Enqueue(Envelope envelope)
    {
        var node = new Node(envelope);
        var previous = Interlocked.Exchange(ref _head, node);
        Volatile.Write(ref previous.Next, node);
    }

    /// <summary>Consumer side only.</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        var next = Volatile.Read(ref _tail.Next);
        if (next is null)
        {
            envelope = default;
            return false;
        }

        envelope = next.Value;
        next.Value = default; // the node becomes the stub: let the message be collected
        _tail = next;
        return true;
    }

    private sealed class Node(Envelope value)
    {
        public Envelope Value = value;
        public Node? Next;
    }
}
