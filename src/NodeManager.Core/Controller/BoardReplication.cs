using NodeManager.Core.Platform;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Controller;

/// <summary>
/// The protocol of <see cref="BoardReplicatorActor"/>: what members tell each other through Akka's distributed
/// publish-subscribe so that every member's <see cref="ControllerBoard"/> shows every district, wherever it runs.
/// </summary>
public static class BoardReplication
{
    /// <summary>The publish-subscribe topic every member's replicator subscribes to.</summary>
    public const string Topic = "nodemanager-board";

    /// <summary>A district's view as <paramref name="Member"/> (its owner's address) published it.</summary>
    public sealed record DistrictPublished(string Member, DistrictView View) : IVersionedMessage;

    /// <summary>What the capacity watcher (on <paramref name="Member"/>) last learnt of capacity, the cloud and leaks.</summary>
    public sealed record CapacityPublished(
        string Member, CapacityDocument? Document, bool Answered, string? CapacityFault, string? CloudFault, IReadOnlyList<string> Leaks)
        : IVersionedMessage;

    /// <summary>The capacity part of <paramref name="board"/> as published by <paramref name="member"/>.</summary>
    public static CapacityPublished CapacityOf(string member, ControllerBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new CapacityPublished(member, board.LastDocument, board.CapacityAnswered, board.CapacityFault, board.CloudFault, board.Leaks);
    }
}
