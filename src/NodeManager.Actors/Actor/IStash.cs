namespace NodeManager.Actors;

/// <summary>
/// Set messages aside and bring them back later, in the order they came. Unstashed messages go
/// before everything else in the mailbox. A restart unstashes everything; a stop sends the stash
/// to dead letters.
/// </summary>
public interface IStash
{
    int Count { get; }

    /// <summary>Stashes the message being processed.</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();
}
