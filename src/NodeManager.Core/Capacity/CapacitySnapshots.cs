using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Capacity;

/// <summary>Merges the platform's capacity document with what the district supervisors published into policy input.</summary>
public static class CapacitySnapshots
{
    public static CapacitySnapshot Build(CapacityDocument document, IReadOnlyDictionary<string, DistrictView> views,
        DistrictsSettings districts, PolicyMemory memory, BackoffState? cloudBackoff)
    {
        var nodesByDistrict = document.Nodes.ToLookup(n => n.District, StringComparer.Ordinal);
        var list = document.Districts.Select(d =>
        {
            var view = views.GetValueOrDefault(d.Name);
            // The district publishes the settings it scales by (the file's with the operator's overrides over them).
            var settings = view?.Settings ?? districts.For(d.Name);
            var managed = (view?.Nodes ?? []).ToDictionary(v => v.Host, StringComparer.Ordinal);
            var nodes = new List<NodeSnapshot>();
            foreach (var n in nodesByDistrict[d.Name])
            {
                managed.Remove(n.Name, out var v);
                nodes.Add(new NodeSnapshot(n.Name, n.ActiveGears, n.MaxActiveGears, n.Responding, v?.Phase,
                    settings.ScaleInProtected.Contains(n.Name), v?.ActiveSince));
            }

            // Nodes the controller has but the platform does not report yet (launching) or any more (it lost them).
            nodes.AddRange(managed.Values.Select(v => new NodeSnapshot(v.Host, 0, 0, Responding: false, v.Phase,
                settings.ScaleInProtected.Contains(v.Host), v.ActiveSince)));
            return new DistrictSnapshot(d.Name, d.Profile, d.UidCapacity, d.UidsAllocated, settings.MinNodes, settings.MaxNodes, nodes)
            {
                LastScaleUpAt = view?.State.LastScaleUpAt,
                LastScaleDownAt = view?.State.LastScaleDownAt,
                Backoff = view?.State.Backoff,
                LaunchFailing = view?.State.LaunchFailing,
                Paused = settings.Paused,
            };
        }).ToList();
        return new CapacitySnapshot(list, memory, cloudBackoff);
    }

    /// <summary>Hosts of a district that can take gears: responding, and unmanaged or Active.</summary>
    public static IReadOnlyList<string> ServingHosts(CapacityDocument document, string district, DistrictView? view)
    {
        var phases = (view?.Nodes ?? []).ToDictionary(v => v.Host, v => v.Phase, StringComparer.Ordinal);
        return document.Nodes
            .Where(n => n.District == district && n.Responding && (!phases.TryGetValue(n.Name, out var p) || p == NodePhase.Active))
            .Select(n => n.Name).ToList();
    }
}
