namespace NodeManager.Actors;

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/>; the default decider stops it.</summary>
public sealed class Kill
{
    public static readonly Kill Instance = new();

    private Kill()
    {
    }

    public override string ToString() => "<Kill>";
}
