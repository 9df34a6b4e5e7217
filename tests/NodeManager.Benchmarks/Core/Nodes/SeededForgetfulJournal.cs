using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;
using NodeManager.Core.Districts;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// An Akka journal plugin for the memory suite: it replays, for every district persistence id, a history made up on the
/// spot (the district started, then <c>nodes-per-district</c> launches requested), replays nothing for anything else,
/// and accepts every write without keeping it. So the districts recover with their nodes to start, the nodes run their
/// lifecycles, and whatever stays reachable afterwards is the controller's, not the journal's.
/// </summary>
public sealed class SeededForgetfulJournal(Config config) : AsyncWriteJournal
{
    /// <summary>Where the plugin's configuration lives; <see cref="Hocon"/> configures it as the default journal.</summary>
    public const string PluginId = "bench-seeded-forgetful-journal";

    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly int _nodesPerDistrict = config.GetInt("nodes-per-district");

    /// <summary>This journal and no snapshot store, for <paramref name="nodesPerDistrict"/> nodes in every district.</summary>
    public static Config Hocon(int nodesPerDistrict) => ConfigurationFactory.ParseString($$"""
        akka.persistence {
          journal.plugin = "{{PluginId}}"
          snapshot-store.plugin = "akka.persistence.no-snapshot-store"
        }
        {{PluginId}} {
          class = "{{typeof(SeededForgetfulJournal).AssemblyQualifiedName}}"
          plugin-dispatcher = "akka.actor.default-dispatcher"
          nodes-per-district = {{nodesPerDistrict}}
        }
        """);

    public override Task ReplayMessagesAsync(
        IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        if (District(persistenceId) is { } name)
        {
            var events = History(name);
            for (var nr = fromSequenceNr; nr <= Math.Min(toSequenceNr, events.Count) && nr - fromSequenceNr < max; nr++)
                recoveryCallback(new Persistent(events[(int)nr - 1], nr, persistenceId, "", false, ActorRefs.NoSender, "seed", 0));
        }

        return Task.CompletedTask;
    }

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default) =>
        Task.FromResult(District(persistenceId) is null ? 0L : _nodesPerDistrict + 1);

    // Null: every write succeeded (Akka's convention for "no rejections").
    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken = default) =>
        Task.FromResult<IImmutableList<Exception>>(null!);

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    private static string? District(string persistenceId)
    {
        const string prefix = "district-";
        return persistenceId.StartsWith(prefix, StringComparison.Ordinal) ? persistenceId[prefix.Length..] : null;
    }

    private List<DistrictSupervisor.IEvent> History(string district)
    {
        var events = new List<DistrictSupervisor.IEvent>(_nodesPerDistrict + 1) { new DistrictSupervisor.DistrictStarted(BenchmarkController.Profile.Name, T0) };
        for (var i = 1; i <= _nodesPerDistrict; i++)
            events.Add(new DistrictSupervisor.NodeLaunchRequested($"{district}-{i}", i, $"{district}_{i}", $"{district}-{i}.paas.example.com", T0));
        return events;
    }
}
