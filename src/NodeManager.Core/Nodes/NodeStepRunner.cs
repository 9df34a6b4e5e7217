using NodeManager.Core.Cloud;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Nodes;

/// <summary>
/// Carries out one <see cref="NodeStep"/> against the cloud and the platform and says what happened as events (none
/// when the world has not moved yet). Every call is idempotent by name, so running a step twice — after a crash
/// between the call and the journal write — never doubles or leaks anything. Throws <see cref="CloudException"/> and
/// <see cref="PlatformException"/> for the actor to judge with <see cref="NodeLifecycleRules.OnCloudError"/>.
/// </summary>
public sealed class NodeStepRunner(ICloud cloud, IPlatform platform, ProfileSettings profile, NodeLifecycleSettings settings, string cluster)
{
    public async Task<IReadOnlyList<IEvent>> RunAsync(NodeLifecycleState s, NodeStep step, DateTimeOffset now, CancellationToken ct)
    {
        switch (step)
        {
            case NodeStep.BeginBoot:
                return [new ServerRequested(1, now)];
            case NodeStep.EnsureServer:
                var server = await cloud.FindServerAsync(s.ServerName, ct).ConfigureAwait(false)
                    ?? await cloud.CreateServerAsync(ServerSpecFor(s), ct).ConfigureAwait(false);
                return [new ServerCreated(server.Id, now)];
            case NodeStep.PollServer:
                return [.. await PollServerAsync(s, now, ct).ConfigureAwait(false)];
            case NodeStep.EnsureVolume:
                var volume = await cloud.FindVolumeAsync(s.Host, ct).ConfigureAwait(false)
                    ?? await cloud.CreateVolumeAsync(VolumeSpecFor(s), ct).ConfigureAwait(false);
                return [new VolumeCreated(volume.Id, now)];
            case NodeStep.AttachVolume:
                return [.. await AttachVolumeAsync(s, now, ct).ConfigureAwait(false)];
            case NodeStep.AddToPlatform:
                await platform.AddNodeAsync(PlatformNodeOf(s), ct).ConfigureAwait(false);
                if (profile.Dns.Enabled && cloud.SupportsDns && s.Addresses.Count > 0)
                    await cloud.EnsureDnsRecordAsync(DnsRecordFor(s), ct).ConfigureAwait(false);
                return [new NodeAdded(now)];
            case NodeStep.PollReady:
                return await platform.IsNodeReadyAsync(PlatformNodeOf(s), ct).ConfigureAwait(false) ? [new NodeJoined(now)] : [];
            case NodeStep.Deactivate:
                await platform.DeactivateNodeAsync(PlatformNodeOf(s), ct).ConfigureAwait(false);
                return [new NodeDeactivated(now)];
            case NodeStep.MoveGears:
                return await MoveGearsAsync(s, now, ct).ConfigureAwait(false);
            case NodeStep.RemoveFromPlatform:
                var left = await platform.ListGearsAsync(PlatformNodeOf(s), ct).ConfigureAwait(false);
                if (left.Count > 0)
                    throw new PlatformException($"remove-node {s.Host}", $"refusing to remove a node that still holds {left.Count} gear(s)");
                await RemoveFromPlatformAsync(s, ct).ConfigureAwait(false);
                return [new NodeRemoved(now)];
            case NodeStep.DeleteResources:
                return await DeleteBuiltAsync(s, ct).ConfigureAwait(false) ? [new NodeReclaimed(now)] : [];
            case NodeStep.CleanupLaunch:
                if (s.Added)
                    await RemoveFromPlatformAsync(s, ct).ConfigureAwait(false);
                return await DeleteBuiltAsync(s, ct).ConfigureAwait(false) ? [new LaunchCleanedUp(now)] : [];
            case NodeStep.VerifyServer:
                var current = (s.ServerId is { } sid ? await cloud.GetServerAsync(sid, ct).ConfigureAwait(false) : null)
                    ?? await cloud.FindServerAsync(s.ServerName, ct).ConfigureAwait(false);
                // Only a server that can still serve is worth joining again; one on its way out is lost like a gone one.
                return current switch
                {
                    null => [new NodeLost($"server {s.ServerName} ({s.ServerId}) no longer exists", now)],
                    { Status: CloudServerStatus.Deleting } => [new NodeLost($"server {s.ServerName} ({current.Id}) is being deleted", now)],
                    { Status: CloudServerStatus.Error } =>
                        [new NodeLost($"server {s.ServerName} ({current.Id}) went to ERROR: {current.Fault ?? current.RawStatus}", now)],
                    _ => [new RejoinStarted($"the platform no longer reports {s.Host}; joining it again", now)],
                };
            default:
                return [];
        }
    }

    public ServerSpec ServerSpecFor(NodeLifecycleState s) => new(
        s.ServerName,
        profile.Image,
        profile.Flavor,
        CloudMetadata.For(cluster, s.District, s.Host),
        profile.KeyName,
        profile.Networks,
        profile.SecurityGroups,
        profile.AvailabilityZone,
        profile.UserData.Length == 0 ? null
            : UserDataTemplate.Render(profile.UserData, new NodeName(s.Index, s.ServerName, s.Host), profile.Naming.Domain, s.Profile));

    private VolumeSpec VolumeSpecFor(NodeLifecycleState s) =>
        new(s.Host, profile.Volume.SizeGb, CloudMetadata.For(cluster, s.District, s.Host), profile.Volume.Type, profile.AvailabilityZone);

    private DnsRecordSpec DnsRecordFor(NodeLifecycleState s) =>
        new(profile.Dns.Zone, s.Host + ".", "A", [s.Addresses[0]], profile.Dns.TtlSeconds);

    private static PlatformNode PlatformNodeOf(NodeLifecycleState s) => new(s.District, s.Profile, s.Host);

    private async Task<IEvent[]> PollServerAsync(NodeLifecycleState s, DateTimeOffset now, CancellationToken ct)
    {
        var server = await cloud.GetServerAsync(s.ServerId!, ct).ConfigureAwait(false);
        if (server is null)
            return [NodeLifecycleRules.Failed(s, settings, $"server {s.ServerName} ({s.ServerId}) disappeared while booting", LaunchFailureKind.ServerError, now)];
        return server.Status switch
        {
            CloudServerStatus.Active => [new ServerBooted(server.Addresses, profile.Volume.Enabled, now)],
            CloudServerStatus.Error when NodeLifecycleRules.IsNoValidHostFault(server.Fault) =>
                [new LaunchFailed($"boot {s.ServerName}: {server.Fault}", LaunchOutcome.Abort, now, LaunchFailureKind.Exhausted)],
            CloudServerStatus.Error =>
                [NodeLifecycleRules.Failed(s, settings, $"server {s.ServerName} went to ERROR: {server.Fault ?? server.RawStatus}", LaunchFailureKind.ServerError, now)],
            _ => [],
        };
    }

    private async Task<IEvent[]> AttachVolumeAsync(NodeLifecycleState s, DateTimeOffset now, CancellationToken ct)
    {
        var volume = await cloud.GetVolumeAsync(s.VolumeId!, ct).ConfigureAwait(false);
        if (volume is null)
            return [NodeLifecycleRules.Failed(s, settings, $"volume {s.Host} ({s.VolumeId}) disappeared while attaching", LaunchFailureKind.VolumeError, now)];
        switch (volume.Status)
        {
            case CloudVolumeStatus.InUse when volume.AttachedTo == s.ServerId:
                return [new VolumeAttached(volume.Device, now)];
            case CloudVolumeStatus.InUse:
                return [new LaunchFailed($"volume {s.Host} is attached to another server ({volume.AttachedTo})", LaunchOutcome.Fail, now, LaunchFailureKind.VolumeError)];
            case CloudVolumeStatus.Error:
                return [NodeLifecycleRules.Failed(s, settings, $"volume {s.Host} went to error", LaunchFailureKind.VolumeError, now)];
            case CloudVolumeStatus.Available:
                await cloud.AttachVolumeAsync(s.ServerId!, volume.Id, profile.Volume.Device, ct).ConfigureAwait(false);
                return [];
            default:
                return [];
        }
    }

    private async Task<IReadOnlyList<IEvent>> MoveGearsAsync(NodeLifecycleState s, DateTimeOffset now, CancellationToken ct)
    {
        var node = PlatformNodeOf(s);
        var gears = await platform.ListGearsAsync(node, ct).ConfigureAwait(false);
        if (gears.Count == 0) return [new NodeDrained(now)];
        var targets = s.DrainTargets.Where(t => t != s.Host).ToList();
        if (targets.Count == 0)
            throw new PlatformException($"move-gear {s.Host}", "no other active node in the district to move gears to");

        var batch = gears.Take(Math.Max(1, settings.DrainConcurrency)).Select((gear, i) =>
        {
            var target = targets[(s.GearsMoved + s.GearMoveFailures + i) % targets.Count];
            return MoveOneAsync(node, gear, target, now, ct);
        });
        return await Task.WhenAll(batch).ConfigureAwait(false);
    }

    private async Task<IEvent> MoveOneAsync(PlatformNode node, string gear, string target, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await platform.MoveGearAsync(node, gear, target, ct).ConfigureAwait(false);
            return new GearMoved(gear, target, now);
        }
        catch (PlatformException e)
        {
            return new GearMoveFailed(gear, target, e.Message, now);
        }
    }

    private async Task RemoveFromPlatformAsync(NodeLifecycleState s, CancellationToken ct)
    {
        await platform.RemoveNodeAsync(PlatformNodeOf(s), ct).ConfigureAwait(false);
        if (profile.Dns.Enabled && cloud.SupportsDns)
            await cloud.DeleteDnsRecordAsync(profile.Dns.Zone, s.Host + ".", "A", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the node's server, then its volume (a volume frees only once its server is gone); true when both are
    /// gone. Looks both up by name as well as by id, so what a crash left behind unrecorded is found too.
    /// </summary>
    private async Task<bool> DeleteBuiltAsync(NodeLifecycleState s, CancellationToken ct)
    {
        var server = (s.ServerId is { } id ? await cloud.GetServerAsync(id, ct).ConfigureAwait(false) : null)
            ?? await cloud.FindServerAsync(s.ServerName, ct).ConfigureAwait(false);
        if (server is not null)
        {
            if (server.Status != CloudServerStatus.Deleting)
                await cloud.DeleteServerAsync(server.Id, ct).ConfigureAwait(false);
            return false;
        }

        var volume = (s.VolumeId is { } vid ? await cloud.GetVolumeAsync(vid, ct).ConfigureAwait(false) : null)
            ?? await cloud.FindVolumeAsync(s.Host, ct).ConfigureAwait(false);
        if (volume is null) return true;
        if (volume.Status is not (CloudVolumeStatus.Deleting or CloudVolumeStatus.Detaching))
            await cloud.DeleteVolumeAsync(volume.Id, ct).ConfigureAwait(false);
        return false;
    }
}
