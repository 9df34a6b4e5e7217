using System.Collections.Immutable;
using System.Globalization;

namespace NodeManager.Core.Scaling;

/// <summary>
/// The scaling policy: a pure function of (snapshot, settings, now), in the Cluster Autoscaler style — it never calls
/// a cloud or reads a clock. Scale-up is judged per profile (usage across the profile's districts) and lands on the
/// district of that profile with the most free UIDs; scale-down is judged per district, because gears only move
/// within a district.
/// </summary>
public static class ScalingPolicy
{
    public static PolicyOutcome Decide(CapacitySnapshot snapshot, ScalingSettings settings, DateTimeOffset now)
    {
        var budget = new Budget(
            settings.MaxConcurrentLaunchesPerCloud - snapshot.Districts.Sum(d => d.Nodes.Count(n => n.Launching)),
            settings.MaxNodesTotal - snapshot.Districts.Sum(d => d.Nodes.Count(n => n.Counted)));
        var hotSince = snapshot.Memory.HotSince.ToBuilder();
        var coldSince = snapshot.Memory.ColdSince.ToBuilder();
        var decisions = new Dictionary<string, ScalingDecision>(StringComparer.Ordinal);
        var conditions = new List<PolicyCondition>();
        var judgedCold = new HashSet<string>(StringComparer.Ordinal);
        var cloudBackoff = snapshot.CloudBackoff is { } b && b.IsActive(now) ? b : null;

        foreach (var profile in snapshot.Districts.GroupBy(d => d.Profile, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var districts = profile.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
            var usage = Usage.Of(districts.SelectMany(d => d.Nodes));
            var hot = usage.Percent is { } p && p >= settings.HighWaterMark;
            if (hot) hotSince[profile.Key] = hotSince.TryGetValue(profile.Key, out var since) ? since : now;
            else hotSince.Remove(profile.Key);

            // Districts below min-nodes come first: they scale regardless of usage.
            foreach (var district in districts.Where(d => CountedNodes(d) < d.MinNodes))
            {
                var blocker = LaunchBlocker(district, settings, now, cloudBackoff, budget, ignoreCooldown: true);
                decisions[district.Name] = blocker is not null
                    ? new Hold(district.Name, $"below min-nodes {district.MinNodes} but {blocker}")
                    : Launch(district, district.MinNodes - CountedNodes(district), settings, budget,
                        $"{CountedNodes(district)} node(s) below min-nodes {district.MinNodes}");
            }

            if (hot)
            {
                DecideHotProfile(profile.Key, districts, usage, hotSince[profile.Key], settings, now, cloudBackoff, budget, decisions, conditions);
                continue;
            }

            foreach (var district in districts.Where(d => !decisions.ContainsKey(d.Name)))
            {
                decisions[district.Name] = DecideScaleDown(district, usage, settings, now, coldSince);
                judgedCold.Add(district.Name);
            }
        }

        // A district judged for scale-up this time is not cold: forget when it went cold.
        foreach (var key in coldSince.Keys.Where(k => !judgedCold.Contains(k)).ToList())
            coldSince.Remove(key);
        var profiles = snapshot.Districts.Select(d => d.Profile).ToHashSet(StringComparer.Ordinal);
        foreach (var key in hotSince.Keys.Where(k => !profiles.Contains(k)).ToList())
            hotSince.Remove(key);

        var ordered = snapshot.Districts.Select(d => decisions[d.Name]).ToList();
        return new PolicyOutcome(ordered, conditions, new PolicyMemory(hotSince.ToImmutable(), coldSince.ToImmutable()));
    }

    private static void DecideHotProfile(
        string profile, List<DistrictSnapshot> districts, Usage usage, DateTimeOffset hotSince, ScalingSettings settings,
        DateTimeOffset now, BackoffState? cloudBackoff, Budget budget, Dictionary<string, ScalingDecision> decisions,
        List<PolicyCondition> conditions)
    {
        var open = districts.Where(d => !decisions.ContainsKey(d.Name)).ToList();
        var hot = $"profile {profile} usage {usage} ≥ high-water mark {Pct(settings.HighWaterMark)}";
        var hotFor = now - hotSince;
        if (hotFor < settings.ScaleUpSustainedFor)
        {
            HoldAll(open, $"{hot} for {Fmt(hotFor)} of {Fmt(settings.ScaleUpSustainedFor)}", decisions);
            return;
        }

        if (districts.All(d => d.FreeUids == 0))
        {
            var message = $"district full: create a new district for profile {profile} (no district has free UIDs)";
            conditions.Add(new PolicyCondition("district-full", profile, message));
            HoldAll(open, $"{hot} but {message}", decisions);
            return;
        }

        // At 100% the platform cannot show how much demand waits unplaced: launch as many as the caps allow.
        var wanted = usage.Percent >= 100 ? Math.Max(usage.NodesToBringBelow(settings.HighWaterMark), settings.MaxConcurrentLaunches)
            : usage.NodesToBringBelow(settings.HighWaterMark);
        var needed = wanted - districts.Sum(d => d.Nodes.Count(n => n.Launching));
        if (needed <= 0)
        {
            HoldAll(open, $"{hot} but launches in flight cover it", decisions);
            return;
        }

        var target = open
            .Where(d => d.FreeUids > 0)
            .Select(d => (District: d, Blocker: LaunchBlocker(d, settings, now, cloudBackoff, budget, ignoreCooldown: false)))
            .OrderBy(c => c.Blocker is null ? 0 : 1)
            .ThenByDescending(c => c.District.FreeUids)
            .ThenBy(c => c.District.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (target.District is null)
        {
            HoldAll(open, $"{hot} but its districts with free UIDs are already acting", decisions);
            return;
        }

        if (target.Blocker is not null)
        {
            foreach (var district in open)
                decisions[district.Name] = new Hold(district.Name,
                    $"{hot} but {LaunchBlocker(district, settings, now, cloudBackoff, budget, ignoreCooldown: false) ?? "it has no free UIDs"}");
            return;
        }

        decisions[target.District.Name] = Launch(target.District, needed, settings, budget,
            $"{hot} for {Fmt(hotFor)}; {target.District.Name} has the most free UIDs ({target.District.FreeUids})");
        HoldAll(open.Where(d => d != target.District), $"{hot}: scaling up in {target.District.Name} (most free UIDs)", decisions);
    }

    private static ScalingDecision DecideScaleDown(
        DistrictSnapshot district, Usage profileUsage, ScalingSettings settings, DateTimeOffset now,
        ImmutableDictionary<string, DateTimeOffset>.Builder coldSince)
    {
        var usage = Usage.Of(district.Nodes);
        var cold = usage.Percent is { } p && p <= settings.LowWaterMark;
        if (cold) coldSince[district.Name] = coldSince.TryGetValue(district.Name, out var s) ? s : now;
        else coldSince.Remove(district.Name);

        var name = district.Name;
        var serving = district.Nodes.Count(n => n.Serving);
        var overMax = serving > district.MaxNodes;
        if (district.Paused) return new Hold(name, "paused by operator");
        if (usage.Percent is null) return new Hold(name, "no serving node reports capacity");
        if (!cold && !overMax)
            return new Hold(name, $"usage {usage} between low-water mark {Pct(settings.LowWaterMark)} and high-water mark {Pct(settings.HighWaterMark)} (profile {profileUsage})");

        var why = overMax ? $"{serving} serving node(s) above max-nodes {district.MaxNodes}" : $"usage {usage} ≤ low-water mark {Pct(settings.LowWaterMark)}";
        if (Unresponsive(district) is { } silent) return new Hold(name, $"{why} but node {silent.Name} is not responding");
        if (district.Nodes.FirstOrDefault(n => n.Launching) is { } launching) return new Hold(name, $"{why} but node {launching.Name} is launching");
        if (district.Nodes.FirstOrDefault(n => n.Leaving) is { } leaving) return new Hold(name, $"{why} but node {leaving.Name} is still {leaving.Phase!.Value.ToString().ToLowerInvariant()}");

        if (!overMax)
        {
            var coldFor = now - coldSince[name];
            if (coldFor < settings.ScaleDownUnneededTime)
                return new Hold(name, $"not scaling down: {why} for {Fmt(coldFor)} of {Fmt(settings.ScaleDownUnneededTime)}");
            if (district.LastScaleUpAt is { } up && now - up < settings.ScaleDownDelayAfterAdd)
                return new Hold(name, $"not scaling down: within {Fmt(settings.ScaleDownDelayAfterAdd)} of last scale-up");
            if (district.LastScaleDownAt is { } down && now - down < settings.ScaleDownCooldown)
                return new Hold(name, $"not scaling down: within {Fmt(settings.ScaleDownCooldown)} of last scale-down");
        }

        if (CountedNodes(district) - 1 < district.MinNodes)
            return new Hold(name, $"not scaling down: {why} but already at min-nodes {district.MinNodes}");

        var candidate = DrainCandidates.Pick(district, settings.DrainSelection);
        if (candidate is null)
            return new Hold(name, $"not scaling down: {why} but no node is drainable (unmanaged or scale-in protected)");

        var after = usage.Without(candidate);
        if (after.Percent is null || after.Percent >= settings.HighWaterMark)
            return new Hold(name, $"not scaling down: draining {candidate.Name} would push usage to {after} (high-water mark {Pct(settings.HighWaterMark)})");

        var requested = district.DrainRequests.Contains(candidate.Name, StringComparer.Ordinal) ? "operator-named" : DrainCandidates.Describe(settings.DrainSelection, candidate);
        return new ScaleDown(name, candidate.Name, $"{why}; draining {candidate.Name} ({requested})");
    }

    /// <summary>Why a district cannot take a launch now, or null when it can.</summary>
    private static string? LaunchBlocker(
        DistrictSnapshot d, ScalingSettings settings, DateTimeOffset now, BackoffState? cloudBackoff, Budget budget, bool ignoreCooldown)
    {
        if (d.Paused) return "it is paused by operator";
        if (cloudBackoff is not null) return $"the cloud is exhausted until {cloudBackoff.RetryAt:HH:mm:ss} ({cloudBackoff.Message})";
        if (d.Backoff is { } b && b.IsActive(now)) return $"it is exhausted until {b.RetryAt:HH:mm:ss} ({b.Message})";
        if (d.LaunchFailing is { } f && f.IsActive(now))
            return $"its launches are failing; next try at {f.RetryAt:HH:mm:ss} ({f.Message})";
        if (Unresponsive(d) is { } silent) return $"node {silent.Name} is not responding";
        var launching = d.Nodes.Count(n => n.Launching);
        if (launching >= settings.MaxConcurrentLaunches) return $"{launching} launch(es) in flight (max-concurrent-launches {settings.MaxConcurrentLaunches})";
        if (budget.CloudLaunches <= 0) return $"the cloud has {settings.MaxConcurrentLaunchesPerCloud} launches in flight (max-concurrent-launches-per-cloud)";
        if (CountedNodes(d) >= d.MaxNodes) return $"it is at max-nodes {d.MaxNodes}";
        if (budget.TotalNodes <= 0) return $"all districts together are at max-nodes-total {settings.MaxNodesTotal}";
        if (!ignoreCooldown && d.LastScaleUpAt is { } up && now - up < settings.ScaleUpCooldown)
            return $"within {Fmt(settings.ScaleUpCooldown)} scale-up cool-down";
        return null;
    }

    private static ScaleUp Launch(DistrictSnapshot d, int wanted, ScalingSettings settings, Budget budget, string reason)
    {
        var count = new[]
        {
            wanted,
            settings.MaxConcurrentLaunches - d.Nodes.Count(n => n.Launching),
            budget.CloudLaunches,
            d.MaxNodes - CountedNodes(d),
            budget.TotalNodes,
        }.Min();
        budget.CloudLaunches -= count;
        budget.TotalNodes -= count;
        var capped = count < wanted ? $" (wanted {wanted}, capped)" : "";
        return new ScaleUp(d.Name, count, $"{reason}: launching {count} node(s){capped}");
    }

    private static void HoldAll(IEnumerable<DistrictSnapshot> districts, string reason, Dictionary<string, ScalingDecision> decisions)
    {
        foreach (var d in districts) decisions[d.Name] = new Hold(d.Name, reason);
    }

    private static int CountedNodes(DistrictSnapshot d) => d.Nodes.Count(n => n.Counted);

    private static NodeSnapshot? Unresponsive(DistrictSnapshot d) => d.Nodes.FirstOrDefault(n => n.Serving && !n.Responding);

    internal static string Pct(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    internal static string Fmt(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 && span.Seconds == 0 ? $"{(int)span.TotalHours}h"
        : span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{(int)span.TotalMinutes}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds}s"
        : $"{Math.Max(0, (int)span.TotalSeconds)}s";

    private sealed class Budget(int cloudLaunches, int totalNodes)
    {
        public int CloudLaunches { get; set; } = cloudLaunches;

        public int TotalNodes { get; set; } = totalNodes;
    }
}
