using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly Queue<Envelope> _stashed = new();

    public int Count => _stashed.Count;

    public void Stash() => _stashed.Enqueue(cell.CurrentEnvelope);

    public void Unstash()
    {
        if (_stashed.TryDequeue(out var oldest))
        {
            cell.Mailbox.EnqueueFirst([oldest]);
        }
    }

    public void UnstashAll()
    {
        if (_stashed.Count > 0)
        {
            cell.Mailbox.EnqueueFirst(_stashed);
            _stashed.Clear();
        }
    }

    internal IReadOnlyList<Envelope> ClearAll()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }
}
