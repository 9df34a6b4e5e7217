using System.Text;
using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Tests.Journal;

/// <summary>
/// The persistence TCK: one contract every journal and snapshot store must meet, run against each backend by a
/// subclass that says how to open the stores. Every test uses its own persistence ids.
/// </summary>
public abstract class StoreContractSpec : IAsyncLifetime
{
    private readonly string _pid = "pid-" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<IJournal> _restarted = [];

    protected IJournal Journal { get; private set; } = null!;

    protected ISnapshotStore Snapshots { get; private set; } = null!;

    /// <summary>Opens the journal; called again to see what a restarted process would see.</summary>
    protected abstract IJournal OpenJournal();

    protected abstract ISnapshotStore OpenSnapshotStore();

    /// <summary>A write precondition backed by the store the way the cluster's lease will be.</summary>
    protected abstract Task<FencingLease> CreateLeaseAsync();

    public virtual Task InitializeAsync()
    {
        Journal = OpenJournal();
        Snapshots = OpenSnapshotStore();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var journal in _restarted.Append(Journal).Distinct())
            await journal.DisposeAsync();
        await Snapshots.DisposeAsync();
    }

    [Fact]
    public async Task Journal_must_replay_written_events_in_order()
    {
        await WriteAsync(Events(_pid, 1, 5));

        var replayed = await ReplayAsync(_pid);

        Assert.Equal([1L, 2, 3, 4, 5], replayed.Select(e => e.SequenceNr));
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], replayed.Select(e => Encoding.UTF8.GetString(e.Payload)));
        Assert.All(replayed, e => Assert.Equal("test.event.v1", e.Manifest));
        Assert.All(replayed, e => Assert.Equal("writer-1", e.WriterUuid));
    }

    [Fact]
    public async Task Journal_must_replay_only_the_requested_range_up_to_max()
    {
        await WriteAsync(Events(_pid, 1, 10));

        Assert.Equal([3L, 4, 5], (await ReplayAsync(_pid, 3, 5)).Select(e => e.SequenceNr));
        Assert.Equal([4L, 5], (await ReplayAsync(_pid, 4, long.MaxValue, 2)).Select(e => e.SequenceNr));
        Assert.Empty(await ReplayAsync(_pid, 11, long.MaxValue));
        Assert.Empty(await ReplayAsync(_pid, 1, long.MaxValue, 0));
        Assert.Empty(await ReplayAsync("unknown-" + _pid));
    }

    [Fact]
    public async Task Journal_must_report_the_highest_sequence_nr()
    {
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync(_pid));

        await WriteAsync(Events(_pid, 1, 3));
        await WriteAsync(Events(_pid, 4, 7));

        Assert.Equal(7, await Journal.ReadHighestSequenceNrAsync(_pid));
    }

    [Fact]
    public async Task Journal_must_write_many_atomic_writes_in_one_call_with_one_result_each()
    {
        var other = _pid + "-other";
        var writes = new[]
        {
            new AtomicWrite(Events(_pid, 1, 3)),
            new AtomicWrite(Events(other, 1, 1)),
            new AtomicWrite(Events(_pid, 4, 4)),
        };

        var results = await Journal.WriteMessagesAsync(writes);

        Assert.Equal([null, null, null], results);
        Assert.Equal(4, (await ReplayAsync(_pid)).Count);
        Assert.Single(await ReplayAsync(other));
    }

    [Fact]
    public async Task Journal_must_refuse_a_second_writer_of_a_sequence_nr_without_failing_the_others()
    {
        await WriteAsync(Events(_pid, 1, 2));
        var other = _pid + "-other";

        var results = await Journal.WriteMessagesAsync(
        [
            new AtomicWrite(Events(other, 1, 1)),
            new AtomicWrite(Events(_pid, 2, 3, payloadPrefix: "second-writer")),
            new AtomicWrite(Events(other, 2, 2)),
        ]);

        Assert.Null(results[0]);
        var conflict = Assert.IsType<PersistenceConcurrencyException>(results[1]);
        Assert.Equal(_pid, conflict.PersistenceId);
        Assert.Equal(2, conflict.SequenceNr);
        Assert.Null(results[2]);
        // Atomic: event 3 of the refused write must not have slipped in after event 2 was refused.
        Assert.Equal(["e1", "e2"], (await ReplayAsync(_pid)).Select(e => Encoding.UTF8.GetString(e.Payload)));
        Assert.Equal(2, (await ReplayAsync(other)).Count);
    }

    [Fact]
    public async Task Journal_must_hide_deleted_events_but_keep_their_numbers_taken()
    {
        await WriteAsync(Events(_pid, 1, 5));

        await Journal.DeleteMessagesToAsync(_pid, 3);

        Assert.Equal([4L, 5], (await ReplayAsync(_pid)).Select(e => e.SequenceNr));
        Assert.Equal(5, await Journal.ReadHighestSequenceNrAsync(_pid));
        var rewrite = await Journal.WriteMessagesAsync([new AtomicWrite(Events(_pid, 2, 2))]);
        Assert.IsType<PersistenceConcurrencyException>(rewrite[0]);
    }

    [Fact]
    public async Task Journal_must_keep_the_highest_sequence_nr_when_every_event_is_deleted()
    {
        await WriteAsync(Events(_pid, 1, 3));

        await Journal.DeleteMessagesToAsync(_pid, long.MaxValue);

        Assert.Empty(await ReplayAsync(_pid));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync(_pid));
    }

    [Fact]
    public async Task Journal_must_refuse_a_write_whose_precondition_fails_and_leave_the_journal_untouched()
    {
        var lease = await CreateLeaseAsync();
        await WriteAsync(Events(_pid, 1, 1), lease.Precondition);

        await lease.RevokeAsync();
        var other = _pid + "-unfenced";
        var results = await Journal.WriteMessagesAsync(
        [
            new AtomicWrite(Events(_pid, 2, 4), lease.Precondition),
            new AtomicWrite(Events(other, 1, 1)),
        ]);

        var refused = Assert.IsType<WritePreconditionFailedException>(results[0]);
        Assert.Equal(_pid, refused.PersistenceId);
        Assert.Equal(2, refused.SequenceNr);
        Assert.Equal(lease.Precondition.Description, refused.Precondition);
        Assert.Null(results[1]);
        Assert.Equal([1L], (await ReplayAsync(_pid)).Select(e => e.SequenceNr));
        Assert.Equal(1, await Journal.ReadHighestSequenceNrAsync(_pid));
    }

    [Fact]
    public async Task Journal_must_leave_nothing_of_a_batch_whose_transaction_is_aborted_midway()
    {
        var other = _pid + "-other";
        var crash = new DelegateWritePrecondition("crash", () => throw new SimulatedCrashException());

        await Assert.ThrowsAnyAsync<Exception>(() => Journal.WriteMessagesAsync(
        [
            new AtomicWrite(Events(_pid, 1, 2)),
            new AtomicWrite(Events(other, 1, 3)),
            new AtomicWrite(Events(_pid, 3, 3), crash),
        ]));

        var restarted = Restart();
        Assert.Empty(await ReplayAsync(_pid, journal: restarted));
        Assert.Empty(await ReplayAsync(other, journal: restarted));
        Assert.Equal(0, await restarted.ReadHighestSequenceNrAsync(other));
        Assert.Equal([null], await restarted.WriteMessagesAsync([new AtomicWrite(Events(_pid, 1, 1))]));
    }

    [Fact]
    public async Task Journal_must_give_every_concurrent_caller_its_own_outcome()
    {
        var writers = Enumerable.Range(0, 40).Select(i => $"{_pid}-{i}").ToList();

        var results = await Task.WhenAll(writers.Select(pid =>
            Journal.WriteMessagesAsync([new AtomicWrite(Events(pid, 1, 2))])));
        var duplicate = await Task.WhenAll(writers.Take(5).Select(pid =>
            Journal.WriteMessagesAsync([new AtomicWrite(Events(pid, 2, 2))])));

        Assert.All(results, r => Assert.Equal([null], r));
        Assert.All(duplicate, r => Assert.IsType<PersistenceConcurrencyException>(Assert.Single(r)));
        foreach (var pid in writers)
            Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync(pid));
    }

    [Fact]
    public async Task Journal_must_keep_a_stored_manifest_that_no_type_knows_so_recovery_can_name_it()
    {
        await WriteAsync([new PersistentRepr(_pid, 1, "gone.event.v9", "{}"u8.ToArray(), "writer-1")]);
        var serializer = new EventSerializer(new EventTypeRegistry());

        var stored = Assert.Single(await ReplayAsync(_pid));
        var error = Assert.Throws<UnknownEventManifestException>(() =>
            serializer.Deserialize(stored.PersistenceId, stored.SequenceNr, stored.Manifest, stored.Payload));

        Assert.Equal((_pid, 1L, "gone.event.v9"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains(_pid, error.Message, StringComparison.Ordinal);
        Assert.Contains("gone.event.v9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_store_must_load_the_latest_snapshot()
    {
        await SaveSnapshotAsync(5, "five");
        await SaveSnapshotAsync(10, "ten");
        await SaveSnapshotAsync(7, "seven");

        var loaded = await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.Latest);

        Assert.NotNull(loaded);
        Assert.Equal(10, loaded.Metadata.SequenceNr);
        Assert.Equal("ten", Encoding.UTF8.GetString(loaded.Payload));
        Assert.Equal("test.state.v1", loaded.Manifest);
        Assert.Null(await Snapshots.LoadAsync("unknown-" + _pid, SnapshotSelectionCriteria.Latest));
        Assert.Null(await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.None));
    }

    [Fact]
    public async Task Snapshot_store_must_select_by_sequence_nr_and_timestamp_criteria()
    {
        await SaveSnapshotAsync(5, "five");
        await SaveSnapshotAsync(10, "ten");
        var saved = await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.Latest);

        var upToNine = await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.Latest with { MaxSequenceNr = 9 });
        var fromSix = await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.Latest with { MinSequenceNr = 6, MaxSequenceNr = 9 });
        var beforeAll = await Snapshots.LoadAsync(_pid,
            SnapshotSelectionCriteria.Latest with { MaxTimestamp = saved!.Metadata.Timestamp.AddDays(-1) });

        Assert.Equal(5, upToNine?.Metadata.SequenceNr);
        Assert.Null(fromSix);
        Assert.Null(beforeAll);
    }

    [Fact]
    public async Task Snapshot_store_must_replace_a_snapshot_saved_again_at_the_same_sequence_nr()
    {
        await SaveSnapshotAsync(5, "first");
        await SaveSnapshotAsync(5, "second");

        var loaded = await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.Latest);

        Assert.Equal("second", Encoding.UTF8.GetString(loaded!.Payload));
    }

    [Fact]
    public async Task Snapshot_store_must_delete_one_snapshot_or_all_matching_criteria()
    {
        await SaveSnapshotAsync(5, "five");
        await SaveSnapshotAsync(10, "ten");
        await SaveSnapshotAsync(15, "fifteen");

        await Snapshots.DeleteAsync(new SnapshotMetadata(_pid, 15));
        Assert.Equal(10, (await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);

        await Snapshots.DeleteAsync(_pid, SnapshotSelectionCriteria.Latest with { MaxSequenceNr = 10 });
        Assert.Null(await Snapshots.LoadAsync(_pid, SnapshotSelectionCriteria.Latest));
    }

    /// <summary>What a restarted process would open; disposed with the test.</summary>
    protected IJournal Restart()
    {
        var journal = OpenJournal();
        _restarted.Add(journal);
        return journal;
    }

    protected static PersistentRepr[] Events(string pid, long from, long to, string payloadPrefix = "e") =>
        Enumerable.Range((int)from, (int)(to - from + 1))
            .Select(nr => new PersistentRepr(pid, nr, "test.event.v1", Encoding.UTF8.GetBytes(payloadPrefix + nr), "writer-1"))
            .ToArray();

    protected async Task WriteAsync(IReadOnlyList<PersistentRepr> events, IWritePrecondition? precondition = null)
    {
        var results = await Journal.WriteMessagesAsync([new AtomicWrite(events, precondition)]);
        Assert.Null(Assert.Single(results));
    }

    protected async Task<List<PersistentRepr>> ReplayAsync(
        string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue, IJournal? journal = null)
    {
        var replayed = new List<PersistentRepr>();
        await foreach (var e in (journal ?? Journal).ReplayMessagesAsync(pid, from, to, max))
            replayed.Add(e);
        return replayed;
    }

    private Task SaveSnapshotAsync(long sequenceNr, string state) =>
        Snapshots.SaveAsync(new StoredSnapshot(new SnapshotMetadata(_pid, sequenceNr), "test.state.v1", Encoding.UTF8.GetBytes(state)));
}
