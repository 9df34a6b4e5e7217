using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

// Children by name. The table is locked because ActorSystem.ActorOf adds top-level actors to
// the user guardian from any thread; everything else touches it on the actor's turn.
internal sealed partial class ActorCell
{
    private const string NameCharacters = "-_.*$+:@&=,!~';";

    private Dictionary<string, ChildRestartStats>? _children;
    private long _nextChildNumber;

    public IEnumerable<IActorRef> Children => LiveChildren();

    public IActorRef ActorOf(Props props, string? name = null) => AttachChild(props, name);

    /// <summary>Any thread.</summary>
    internal LocalActorRef AttachChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        name = name is null ? NextRandomName() : ValidateName(name);
        var children = ChildTable();
        ActorCell child;
        lock (children)
        {
            if (_state >= CellState.Terminating)
            {
                throw new InvalidOperationException($"[{Self.Path}] is stopping and cannot create child [{name}]");
            }

            if (children.ContainsKey(name))
            {
                throw new InvalidActorNameException(
                    $"Actor name [{name}] is not unique: [{Self.Path}] already has a child of that name that has not yet stopped");
            }

            child = new ActorCell(System, props, Self, Self.Path / name);
            children.Add(name, new ChildRestartStats(child.Self));
        }

        child.Start();
        return child.Self;
    }

    public IActorRef? Child(string name)
    {
        if (_children is not { } children)
        {
            return null;
        }

        lock (children)
        {
            return children.TryGetValue(name, out var stats) ? stats.Child : null;
        }
    }

    public void Stop(IActorRef actor)
    {
        if (actor is not IInternalActorRef target)
        {
            return;
        }

        if (FindChild(actor) is { } stats)
        {
            stats.IsStopping = true;
        }

        target.SendSystemMessage(Dispatch.Terminate.Instance);
    }

    internal ChildRestartStats? FindChild(IActorRef actor)
    {
        if (_children is not { } children)
        {
            return null;
        }

        lock (children)
        {
            return children.TryGetValue(actor.Path.Name, out var stats) && ReferenceEquals(stats.Child, actor) ? stats : null;
        }
    }

    private List<IActorRef> LiveChildren()
    {
        var live = new List<IActorRef>();
        if (_children is { } children)
        {
            lock (children)
            {
                foreach (var stats in children.Values)
                {
                    if (!stats.IsStopping)
                    {
                        live.Add(stats.Child);
                    }
                }
            }
        }

        return live;
    }

    private bool HasStoppingChildren()
    {
        if (_children is not { } children)
        {
            return false;
        }

        lock (children)
        {
            return children.Values.Any(stats => stats.IsStopping);
        }
    }

    /// <returns>How many children are still to report their termination.</returns>
    private int StopChildren()
    {
        if (_children is not { } children)
        {
            return 0;
        }

        List<ChildRestartStats> stopping;
        lock (children)
        {
            stopping = [.. children.Values];
        }

        foreach (var stats in stopping)
        {
            Stop(stats.Child);
        }

        return stopping.Count;
    }

    private void HandleChildTerminated(IActorRef child)
    {
        var children = _children!;
        int remaining;
        lock (children)
        {
            children.Remove(child.Path.Name);
            remaining = children.Count;
        }

        if (_state == CellState.Terminating && remaining == 0)
        {
            FinishTerminate();
        }
        else if (_recreateCause is { } cause && !HasStoppingChildren())
        {
            FinishRecreate(cause);
        }
    }

    private Dictionary<string, ChildRestartStats> ChildTable() =>
        _children ?? Interlocked.CompareExchange(ref _children, [], null) ?? _children;

    private string NextRandomName()
    {
        // Akka's "$a", "$b", … "$aa": short, unique per parent, and not a valid user-chosen name.
        var number = Interlocked.Increment(ref _nextChildNumber) - 1;
        var name = new System.Text.StringBuilder("$");
        do
        {
            name.Append((char)('a' + (number % 26)));
            number /= 26;
        }
        while (number > 0);
        return name.ToString();
    }

    private static string ValidateName(string name)
    {
        if (name.Length == 0 || name[0] == '$' || !name.All(c => char.IsAsciiLetterOrDigit(c) || NameCharacters.Contains(c)))
        {
            throw new InvalidActorNameException(
                $"Invalid actor name [{name}]: use ASCII letters, digits and {NameCharacters}, not starting with '$'");
        }

        return name;
    }
}
