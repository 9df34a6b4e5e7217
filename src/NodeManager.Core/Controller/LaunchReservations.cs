using NodeManager.Core.Cloud;
using NodeManager.Core.Nodes;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Controller;

/// <summary>
/// What the launches in flight will take from the quota but the limits do not show yet: a node whose server (or
/// volume) does not exist yet, or whose launch began after the limits were read, across every district. Counting them
/// keeps two launches from both passing the headroom check and the second one meeting the cloud's quota error.
/// </summary>
public static class LaunchReservations
{
    /// <param name="nodes">Every live node the districts published.</param>
    /// <param name="unstarted">Profiles of launches journaled by a district whose node has not reported yet.</param>
    public static Reservation Of(IEnumerable<NodeView> nodes, IEnumerable<string> unstarted, DateTimeOffset readAt, Func<string, ProfileSettings> profiles)
    {
        var total = Reservation.None;
        foreach (var node in nodes)
        {
            if (node.Phase.IsTerminal() || node.Phase is NodePhase.Draining or NodePhase.Reclaiming) continue;
            var profile = profiles(node.Profile);
            var launchedSince = node.History.Count > 0 && node.History[0].At >= readAt;
            var server = node.ServerId is null || launchedSince;
            var volume = profile.Volume.Enabled && (node.VolumeId is null || launchedSince);
            total = total.Add(For(profile, server, volume));
        }

        foreach (var name in unstarted)
        {
            var profile = profiles(name);
            total = total.Add(For(profile, server: true, volume: profile.Volume.Enabled));
        }

        return total;
    }

    private static Reservation For(ProfileSettings profile, bool server, bool volume) => new(
        server ? 1 : 0,
        server ? profile.Cores : 0,
        server ? profile.RamMb : 0,
        volume ? 1 : 0,
        volume ? profile.Volume.SizeGb : 0);
}
