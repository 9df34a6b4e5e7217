using System.Collections.Concurrent;
using NodeManager.Core.Districts;
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
public sealed class ControllerBoard
{
    private readonly Lock _lock = new();
    private BackoffState? _cloudBackoff;
    private BackoffState? _previousCloudBackoff;
    private int _passivatedNodes;

    public ConcurrentDictionary<string, DistrictView> Districts { get; } = new(StringComparer.Ordinal);

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

    public BackoffState? CloudBackoff
    {
        get
        {
            lock (_lock) return _cloudBackoff;
        }
    }

    /// <summary>The whole cloud is out (project quota): back off every district, doubling per repeat.</summary>
    public BackoffState RaiseCloudBackoff(string message, DateTimeOffset now, ScalingSettings settings)
    {
        lock (_lock)
        {
            // Several districts hit the same quota at once: one back-off, not a doubling per district.
            if (_cloudBackoff is { } current && current.IsActive(now)) return current;
            return _cloudBackoff = BackoffState.Raise(_cloudBackoff ?? _previousCloudBackoff, message, now,
                settings.ExhaustionBackoffMin, settings.ExhaustionBackoffMax);
        }
    }

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
