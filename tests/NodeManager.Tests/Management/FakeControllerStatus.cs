using NodeManager.Core.Status;

namespace NodeManager.Tests.Management;

/// <summary>An <see cref="IControllerStatus"/> whose answers a test sets; <see cref="Failure"/> makes every query throw it.</summary>
internal sealed class FakeControllerStatus : IControllerStatus
{
    /// <summary>Ready when true; otherwise <see cref="NotReadyReasons"/> holds one made-up reason.</summary>
    public bool IsReady { get; set; }

    public List<string> Reasons { get; } = ["district d1: recovering from the journal"];

    public IReadOnlyList<string> NotReadyReasons => IsReady ? [] : Reasons;

    public List<DistrictStatus> Districts { get; } = [];

    public List<NodeStatus> Nodes { get; } = [];

    public Exception? Failure { get; set; }

    /// <summary>When set, queries wait for this task (or the request's cancellation) before they answer.</summary>
    public Task? Gate { get; set; }

    public async Task<IReadOnlyList<DistrictStatus>> GetDistrictsAsync(CancellationToken cancellationToken)
    {
        await Answer(cancellationToken);
        return Districts;
    }

    public async Task<DistrictStatus?> GetDistrictAsync(string name, CancellationToken cancellationToken)
    {
        await Answer(cancellationToken);
        return Districts.FirstOrDefault(d => d.Name == name);
    }

    public async Task<IReadOnlyList<NodeStatus>> GetNodesAsync(CancellationToken cancellationToken)
    {
        await Answer(cancellationToken);
        return Nodes;
    }

    public async Task<NodeStatus?> GetNodeAsync(string name, CancellationToken cancellationToken)
    {
        await Answer(cancellationToken);
        return Nodes.FirstOrDefault(n => n.Name == name || n.ServerName == name);
    }

    private async Task Answer(CancellationToken cancellationToken)
    {
        if (Gate is not null)
        {
            await Gate.WaitAsync(cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }
    }

    public static DistrictStatus District(string name, string reason = "holding: usage 55% between the water marks") => new(
        name,
        "small",
        1,
        5,
        false,
        new Dictionary<string, int> { ["Active"] = 2, ["Booting"] = 1 },
        0.55,
        new DecisionStatus("Hold", reason, At),
        [new ConditionStatus("exhausted", "Quota exceeded for instances: Requested 1, but already used 10 of 10", At, At.AddMinutes(5))]);

    public static NodeStatus Node(string name, string district, string state = "Active", string? lastError = null) => new(
        $"{name}.example.com",
        $"{district}-1",
        name.Replace('-', '_'),
        district,
        "small",
        state,
        "6c1b8d4e-0000-4000-8000-000000000001",
        null,
        3,
        lastError,
        [
            new NodeHistoryEntry(At, "Requested", "NodeRequested", "scale-up: usage 85% >= 80%"),
            new NodeHistoryEntry(At.AddSeconds(40), state, "NodeJoined", null),
        ]);

    public static readonly DateTimeOffset At = new(2026, 11, 21, 23, 0, 0, TimeSpan.Zero);
}
