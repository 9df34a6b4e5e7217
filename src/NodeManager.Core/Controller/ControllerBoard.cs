using System.Collections.Concurrent;
using NodeManager.Core.Districts;
using NodeManager.Core.Events;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;

namespace NodeManager.Core.Controller;

/// <summary>
/// What the controller's actors publish for each other and for the status endpoint: immutable district views, the
/// cloud-wide exhaustion back-off, the last capacity document, the leaks found. Actors write only their own entries;
/// readers never block an actor. One per <see cref="ControllerHost"/>.
/// </summary>
/// <param name="events">Where what changed in each district's view is recorded (<see cref="ViewChanges"/>); a feed of its own when null.</param>
/// <param name="time">Dates the changes a view does not date itself; the system clock when null.</param>
public sealed class ControllerBoard(EventFeed? events = null, TimeProvider? time = null)
{
    private readonly Lock _lock = new();
    private readonly Lock _viewLock = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private BackoffState? _cloudBackoff;
    private BackoffState? _previousCloudBackoff;
    private int _passivatedNodes;

    public ConcurrentDictionary<string, DistrictView> Districts { get; } = new(StringComparer.Ordinal);

    /// <summary>What changed in the districts' views, this member's and the others' alike.</summary>
    public EventFeed Events { get; } = events ?? new EventFeed();

    /// <summary>The cluster member driving each district (its address), as the district last published it.</summary>
    public ConcurrentDictionary<string, string> Owners { get; } = new(StringComparer.Ordinal);

    /// <summary>This member's address when the controller runs in a cluster; districts published here are its own.</summary>
    public string? LocalMember { get; set; }

    /// <summary>Called with every view a district of this member publishes (a cluster shares it with the other members).</summary>
    public Action<DistrictView>? DistrictPublished { get; set; }

    /// <summary>Called after the capacity watcher has changed what the board says about capacity, the cloud or leaks.</summary>
    public Action? CapacityPublished { get; set; }

    /// <summary>A district of this member publishes its view: readers here see it at once, other members soon after.</summary>
    public void Publish(DistrictView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        Record(view);
        if (LocalMember is { } member) Owners[view.Name] = member;
        DistrictPublished?.Invoke(view);
    }

    /// <summary>Another member's district, <paramref name="member"/>'s, published this view.</summary>
    public void Replicate(DistrictView view, string member)
    {
        ArgumentNullException.ThrowIfNull(view);
        Record(view);
        Owners[view.Name] = member;
    }

    /// <summary>Keeps the view and records what changed since the one it replaces, as one step so no change is seen twice.</summary>
    private void Record(DistrictView view)
    {
        lock (_viewLock)
        {
            Districts.TryGetValue(view.Name, out var previous);
            Districts[view.Name] = view;
            Events.Append(ViewChanges.Between(previous, view, _time.GetUtcNow()));
        }
    }

    /// <summary>The capacity watcher has written <see cref="LastDocument"/>, the faults or the leaks.</summary>
    public void PublishCapacity() => CapacityPublished?.Invoke();

    public CapacityDocument? LastDocument { get; set; }

    public bool CapacityAnswered { get; set; }

    /// <summary>Why the capacity source's last read failed; null once it answers again.</summary>
    public string? CapacityFault { get; set; }

    /// <summary>Why the cloud's last answer to the controller (limits, leak scan) was a failure; null once it answers.</summary>
    public string? CloudFault { get; set; }

    /// <summary>Districts whose journal failed (replay or write), with the reason, until they recover.</summary>
    public ConcurrentDictionary<string, string> DistrictFaults { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Leaks { get; set; } = [];

    /// <summary>Live nodes whose actors are stopped while idle (passivated), across every district.</summary>
    public int PassivatedNodes => Volatile.Read(ref _passivatedNodes);

    internal void CountPassivated(int delta) => Interlocked.Add(ref _passivatedNodes, delta);

    /// <summary>
    /// The cloud-wide exhaustion back-off: the one a district of this member raised, or one a district of another member
    /// raised and still holds (its view reaches every member), whichever runs longer. The cloud is one for the whole
    /// cluster: a quota another member met is this member's quota too.
    /// </summary>
    public BackoffState? CloudBackoff
    {
        get
        {
            BackoffState? local;
            lock (_lock) local = _cloudBackoff;
            return Longest(local, RemoteCloudBackoff());
        }
    }

    /// <summary>The whole cloud is out (project quota): back off every district, doubling per repeat.</summary>
    public BackoffState RaiseCloudBackoff(string message, DateTimeOffset now, ScalingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var remote = RemoteCloudBackoff();
        lock (_lock)
        {
            // Several districts hit the same quota at once, here or on other members: one back-off, not a doubling per
            // district.
            if (Longest(_cloudBackoff, remote) is { } current && current.IsActive(now)) return current;
            return _cloudBackoff = BackoffState.Raise(_cloudBackoff ?? _previousCloudBackoff, message, now,
                settings.ExhaustionBackoffMin, settings.ExhaustionBackoffMax);
        }
    }

    // Districts owned by another member that hold a cloud-wide back-off. This member's own districts are not looked at:
    // _cloudBackoff already says what they raised, and one of them clearing it clears it for all of them.
    private BackoffState? RemoteCloudBackoff()
    {
        if (LocalMember is not { } self) return null;
        BackoffState? longest = null;
        foreach (var (name, view) in Districts)
        {
            if (view.State is { BackoffScope: ExhaustionScope.Cloud, Backoff: { } backoff }
                && Owners.TryGetValue(name, out var owner) && !string.Equals(owner, self, StringComparison.Ordinal))
                longest = Longest(longest, backoff);
        }

        return longest;
    }

    private static BackoffState? Longest(BackoffState? a, BackoffState? b) =>
        a is null ? b : b is null ? a : b.RetryAt > a.RetryAt ? b : a;

    /// <summary>Capacity is back; unless <paramref name="proven"/> by a launch, the next exhaustion doubles from this one.</summary>
    public void ClearCloudBackoff(bool proven)
    {
        lock (_lock)
        {
            _previousCloudBackoff = proven ? null : _cloudBackoff ?? _previousCloudBackoff;
            _cloudBackoff = null;
        }
    }
}

/// <summary>
/// One district as its supervisor last published it. <see cref="Utilisation"/> (percent) comes from the capacity read
/// that made <see cref="DistrictState.LastDecision"/>, so the two always describe the same moment.
/// </summary>
public sealed record DistrictView(
    string Name,
    string Profile,
    DistrictSettings Settings,
    IReadOnlyList<NodeView> Nodes,
    IReadOnlyList<NodeView> Finished,
    DistrictState State,
    IReadOnlyList<PolicyCondition> Conditions,
    bool Recovered,
    double? Utilisation = null);
