using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using static NodeManager.Core.Controller.BoardReplication;

namespace NodeManager.Core.Controller;

/// <summary>
/// One per member: writes what the other members' districts and capacity watcher published into this member's
/// <see cref="ControllerBoard"/>, so that the management endpoint of any member answers for every district and names
/// the member driving it. What this member publishes it has already written itself; it ignores its own messages.
/// </summary>
public sealed class BoardReplicatorActor : ReceiveActor
{
    public BoardReplicatorActor(ControllerBoard board, string member)
    {
        Receive<SubscribeAck>(_ => { });
        Receive<DistrictPublished>(p => p.Member != member, p => board.Replicate(p.View, p.Member));
        Receive<CapacityPublished>(p => p.Member != member, p =>
        {
            board.LastDocument = p.Document;
            board.CapacityAnswered = p.Answered;
            board.CapacityFault = p.CapacityFault;
            board.CloudFault = p.CloudFault;
            board.Leaks = p.Leaks;
        });
        Receive<DistrictPublished>(_ => { });
        Receive<CapacityPublished>(_ => { });
    }

    protected override void PreStart() =>
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topic, Self));
}
