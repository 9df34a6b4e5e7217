using NodeManager.Cluster.Lease;
using NodeManager.Cluster.Tests.Support;

namespace NodeManager.Cluster.Tests.Lease;

/// <summary>
/// The lease table's three statements on the PostgreSQL of NODEMANAGER_TEST_POSTGRES, each given its "now": time is
/// the spec's to set, so expiry needs no waiting.
/// </summary>
public sealed class LeaseStoreSpec : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly LeaseTable _table = new();
    private readonly LeaseStore _store;

    public LeaseStoreSpec() => _store = _table.Store();

    [Fact]
    public async Task Acquire_must_give_a_free_lease_to_one_owner_and_refuse_another_until_it_is_released()
    {
        var first = await Acquire("a", T0);
        var refused = await Acquire("b", T0.AddSeconds(1));
        var released = await _store.ReleaseAsync("d1", "a", T0.AddSeconds(2), CancellationToken.None).WaitAsync(Timeout);
        var second = await Acquire("b", T0.AddSeconds(3));

        Assert.Equal(1, first!.Epoch);
        Assert.Equal(T0 + Ttl, first.ExpiresAt);
        Assert.Null(refused);
        Assert.True(released);
        Assert.Equal(2, second!.Epoch);
        Assert.Equal("b", (await _store.ReadAsync("d1", CancellationToken.None))!.Owner);
    }

    [Fact]
    public async Task Expiry_must_let_another_owner_take_over_and_bump_the_epoch()
    {
        await Acquire("a", T0);

        var beforeExpiry = await Acquire("b", T0 + Ttl - TimeSpan.FromMilliseconds(1));
        var atExpiry = await Acquire("b", T0 + Ttl);

        Assert.Null(beforeExpiry);
        Assert.Equal(2, atExpiry!.Epoch);
        Assert.Equal(T0 + Ttl + Ttl, atExpiry.ExpiresAt);
    }

    [Fact]
    public async Task Renew_must_be_refused_to_a_stale_holder_once_another_owner_took_over()
    {
        var held = await Acquire("a", T0);
        var renewed = await Renew("a", held!.Epoch, T0.AddSeconds(10));
        await Acquire("b", T0.AddSeconds(10) + Ttl);

        var stale = await Renew("a", held.Epoch, T0.AddSeconds(45));

        Assert.Equal(T0.AddSeconds(10) + Ttl, renewed!.ExpiresAt);
        Assert.Null(stale);
        Assert.Equal(new LeaseRow("b", 2, T0.AddSeconds(10) + Ttl + Ttl), await _store.ReadAsync("d1", CancellationToken.None));
    }

    [Fact]
    public async Task Renew_must_be_refused_once_the_lease_expired_even_when_nobody_took_it()
    {
        var held = await Acquire("a", T0);

        Assert.Null(await Renew("a", held!.Epoch, T0 + Ttl));
    }

    [Fact]
    public async Task Epoch_must_rise_only_when_the_lease_changes_tenure()
    {
        var first = await Acquire("a", T0);
        var again = await Acquire("a", T0.AddSeconds(5));
        await _store.ReleaseAsync("d1", "a", T0.AddSeconds(6), CancellationToken.None).WaitAsync(Timeout);
        var afterRelease = await Acquire("a", T0.AddSeconds(7));

        Assert.Equal(1, first!.Epoch);
        Assert.Equal(1, again!.Epoch);
        Assert.Equal(T0.AddSeconds(5) + Ttl, again.ExpiresAt);
        Assert.Equal(2, afterRelease!.Epoch);
    }

    [Fact]
    public async Task Release_by_a_non_owner_must_change_nothing()
    {
        await Acquire("a", T0);

        var released = await _store.ReleaseAsync("d1", "b", T0.AddSeconds(1), CancellationToken.None).WaitAsync(Timeout);

        Assert.False(released);
        Assert.Equal(new LeaseRow("a", 1, T0 + Ttl), await _store.ReadAsync("d1", CancellationToken.None));
        Assert.Null(await Acquire("b", T0.AddSeconds(2)));
    }

    [Fact]
    public async Task Contenders_must_never_hold_the_lease_at_the_same_time()
    {
        // Each contender tries a bounded number of times on the database's clock; whoever gets it marks the slot, holds
        // it for a moment, unmarks it and releases. Two holders at once would find the slot taken. A lease that runs
        // out is not part of this race (the TTL outlasts the run), so only the row lock decides.
        const int contenders = 4;
        const int attempts = 25;
        string? holder = null;
        var overlaps = 0;
        var tenures = new System.Collections.Concurrent.ConcurrentBag<(string Owner, long Epoch)>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        async Task Contend(string owner)
        {
            for (var i = 0; i < attempts; i++)
            {
                var tenure = await _store.AcquireAsync("d1", owner, TimeSpan.FromMinutes(10), now: null, deadline.Token);
                if (tenure is null)
                    continue;
                if (Interlocked.CompareExchange(ref holder, owner, null) is not null)
                    Interlocked.Increment(ref overlaps);
                tenures.Add((owner, tenure.Epoch));
                await Task.Yield();
                Interlocked.CompareExchange(ref holder, null, owner);
                Assert.True(await _store.ReleaseAsync("d1", owner, now: null, deadline.Token));
            }
        }

        await Task.WhenAll(Enumerable.Range(1, contenders).Select(i => Task.Run(() => Contend($"owner-{i}"))));

        Assert.Equal(0, overlaps);
        Assert.NotEmpty(tenures);
        // Every tenure has an epoch of its own: none was shared by two owners, none handed out twice.
        Assert.Equal(tenures.Count, tenures.Select(t => t.Epoch).Distinct().Count());
        Assert.Equal(tenures.Count, (await _store.ReadAsync("d1", CancellationToken.None))!.Epoch);
    }

    [Fact]
    public async Task Auto_initialize_must_create_the_schema_and_table_on_first_use()
    {
        const string schemaExists = "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)";
        var before = await _table.ExistsAsync(schemaExists);

        await Acquire("a", T0);

        Assert.False(before);
        Assert.True(await _table.ExistsAsync(schemaExists));
        Assert.True(await _table.ExistsAsync("SELECT to_regclass(quote_ident(@schema) || '.leases') IS NOT NULL"));
    }

    [Fact]
    public async Task Without_auto_initialize_a_missing_table_must_be_refused_by_name()
    {
        var store = new LeaseStore(_table.Settings with { AutoInitialize = false });

        var refused = await Assert.ThrowsAsync<LeaseStoreMissingException>(() =>
            store.AcquireAsync("d1", "a", Ttl, T0, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal($"the lease table \"{_table.Schema}\".\"leases\" does not exist and auto-initialize is off", refused.Message);
        Assert.False(await _table.ExistsAsync("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)"));
    }

    [Fact]
    public async Task Without_auto_initialize_a_table_created_later_must_be_found_by_the_next_call()
    {
        var store = new LeaseStore(_table.Settings with { AutoInitialize = false });
        await Assert.ThrowsAsync<LeaseStoreMissingException>(() => store.AcquireAsync("d2", "b", Ttl, T0, CancellationToken.None).WaitAsync(Timeout));

        await Acquire("a", T0);
        var found = await store.AcquireAsync("d2", "b", Ttl, T0, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(1, found!.Epoch);
    }

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    private Task<LeaseTenure?> Acquire(string owner, DateTimeOffset now) =>
        _store.AcquireAsync("d1", owner, Ttl, now, CancellationToken.None).WaitAsync(Timeout);

    private Task<LeaseTenure?> Renew(string owner, long epoch, DateTimeOffset now) =>
        _store.RenewAsync("d1", owner, epoch, Ttl, now, CancellationToken.None).WaitAsync(Timeout);
}
