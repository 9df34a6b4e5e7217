namespace NodeManager.Actors.Dispatch;

/// <summary>
/// An unbounded multi-producer, single-consumer FIFO of small fixed-size chunks. Producers claim a
/// slot with one atomic increment and publish it by writing the message last; the consumer reads
/// slots in order and moves to the next chunk at the end of one. An idle queue is one chunk
/// (~190 bytes) where a <c>Channel&lt;T&gt;</c> costs ~1.4 KB, which keeps an idle actor under 1 KB,
/// and a chunk per <see cref="ChunkSize"/> messages keeps the garbage collector's work small.
/// </summary>
/// <remarks>
/// A claimed slot may not be published yet when the consumer reaches it; the consumer then sees
/// the queue as empty, which is safe because every producer schedules the mailbox after publishing.
/// </remarks>
internal sealed class MessageQueue
{
    private const int ChunkSize = 8;

    private Chunk _tail; // producers' chunk
    private Chunk _head; // consumer's chunk
    private int _headIndex;

    public MessageQueue()
    {
        _head = _tail = new Chunk();
    }

    /// <summary>True when the next message is published. Consumer side only.</summary>
    public bool HasMessages => Peek(out _, out _) is not null;

    public void Enqueue(Envelope envelope)
    {
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            var index = Interlocked.Increment(ref tail.Claimed) - 1;
            if (index < ChunkSize)
            {
                ref var slot = ref tail.Slots[index];
                slot.Sender = envelope.Sender;
                Volatile.Write(ref slot.Message, envelope.Message);
                return;
            }

            // The chunk is full: make sure it has a successor, move the tail on, and retry.
            var next = Volatile.Read(ref tail.Next);
            if (next is null)
            {
                var fresh = new Chunk();
                next = Interlocked.CompareExchange(ref tail.Next, fresh, null) ?? fresh;
            }

            Interlocked.CompareExchange(ref _tail, next, tail);
        }
    }

    /// <summary>Consumer side only.</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        if (Peek(out var chunk, out var index) is not { } message)
        {
            envelope = default;
            return false;
        }

        ref var slot = ref chunk.Slots[index];
        envelope = new Envelope(message, slot.Sender);
        slot = default; // let the message be collected while the chunk lives on
        _head = chunk;
        _headIndex = index + 1;
        return true;
    }

    private object? Peek(out Chunk chunk, out int index)
    {
        chunk = _head;
        index = _headIndex;
        if (index == ChunkSize)
        {
            if (Volatile.Read(ref chunk.Next) is not { } next)
            {
                return null;
            }

            chunk = next;
            index = 0;
        }

        return Volatile.Read(ref chunk.Slots[index].Message);
    }

    private struct Slot
    {
        public object? Message;
        public IActorRef? Sender;
    }

    private sealed class Chunk
    {
        public readonly Slot[] Slots = new Slot[ChunkSize];
        public int Claimed;
        public Chunk? Next;
    }
}
