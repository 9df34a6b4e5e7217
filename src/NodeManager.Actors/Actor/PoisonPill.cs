namespace NodeManager.Actors;

/// <summary>Stops the actor when it is processed: messages already in the mailbox are handled first.</summary>
public sealed class PoisonPill : IDeadLetterSuppression
{
    public static readonly PoisonPill Instance = new();

    private PoisonPill()
    {
    }

    public override string ToString() => "<PoisonPill>";
}
