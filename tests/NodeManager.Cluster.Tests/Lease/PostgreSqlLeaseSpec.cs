using Akka.Coordination;
using NodeManager.Cluster.Tests.Support;
using NodeManager.Testing;

namespace NodeManager.Cluster.Tests.Lease;

/// <summary>
/// The lease as Akka drives it (acquire, check, release, the lost callback) on the PostgreSQL of
/// NODEMANAGER_TEST_POSTGRES, with a virtual clock in its statements and its heartbeat: the spec moves time, never waits.
/// </summary>
public sealed class PostgreSqlLeaseSpec : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly LeaseTable _table = new();
    private readonly VirtualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Lease_must_be_held_by_one_owner_until_released_then_go_to_the_next()
    {
        var a = _table.Lease("d1", "a", _clock, Interval, Ttl);
        var b = _table.Lease("d1", "b", _clock, Interval, Ttl);

        Assert.True(await a.Acquire().WaitAsync(Timeout));
        Assert.True(a.CheckLease());
        Assert.False(await b.Acquire().WaitAsync(Timeout));
        Assert.False(b.CheckLease());

        Assert.True(await a.Release().WaitAsync(Timeout));
        Assert.False(a.CheckLease());
        Assert.True(await b.Acquire().WaitAsync(Timeout));
        Assert.True(b.CheckLease());
        Assert.Equal(2, b.Epoch);
    }

    [Fact]
    public async Task A_stale_holder_must_report_the_lease_lost_when_its_renew_is_refused()
    {
        var a = _table.Lease("d1", "a", _clock, Interval, Ttl);
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(await a.Acquire(e => lost.TrySetResult(e)).WaitAsync(Timeout));
        // Another member whose clock says a's row has run out takes it over.
        var later = new VirtualTimeProvider(_clock.GetUtcNow() + Ttl + TimeSpan.FromSeconds(1));
        var b = _table.Lease("d1", "10.0.0.2:4053", later, Interval, Ttl);
        Assert.True(await b.Acquire().WaitAsync(Timeout));

        await _clock.WhenTimer(d => d == Interval).WaitAsync(Timeout);
        _clock.Advance(Interval);
        var cause = await lost.Task.WaitAsync(Timeout);

        Assert.IsType<LeaseException>(cause);
        Assert.Equal("lease d1 (epoch 1): renew refused: taken over by 10.0.0.2:4053 (epoch 2)", cause.Message);
        Assert.False(a.CheckLease());
        Assert.Equal(cause.Message, a.LostReason);
        Assert.True(b.CheckLease());
    }

    [Fact]
    public async Task A_holder_whose_renew_fails_must_report_the_lease_lost()
    {
        var a = _table.Lease("d1", "a", _clock, Interval, Ttl);
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(await a.Acquire(e => lost.TrySetResult(e)).WaitAsync(Timeout));
        // The database loses the table under the holder: its next renew fails instead of being refused.
        await _table.DisposeAsync();

        await _clock.WhenTimer(d => d == Interval).WaitAsync(Timeout);
        _clock.Advance(Interval);
        var cause = await lost.Task.WaitAsync(Timeout);

        Assert.StartsWith("lease d1 (epoch 1): renew failed: Could not renew lease [d1, a] in PostgreSQL ", cause.Message, StringComparison.Ordinal);
        Assert.Contains($"table \"{_table.Schema}\".\"leases\"", cause.Message, StringComparison.Ordinal);
        Assert.False(a.CheckLease());
        Assert.Equal(cause.Message, a.LostReason);
    }

    [Fact]
    public async Task A_holder_paused_past_its_lease_must_read_it_lost_before_any_renew()
    {
        var paused = new PausedTimers(_clock);
        var a = _table.Lease("d1", "a", paused, Interval, Ttl);
        Assert.True(await a.Acquire().WaitAsync(Timeout));

        _clock.Advance(Ttl - Interval - TimeSpan.FromMilliseconds(1));
        var justBefore = a.CheckLease();
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(justBefore);
        Assert.False(a.CheckLease());
        Assert.Equal("lease d1 (epoch 1) last renewed 27s ago, beyond heartbeat-timeout less heartbeat-interval (27s)", a.LostReason);
    }

    [Fact]
    public async Task Heartbeat_must_keep_the_lease_past_its_first_timeout()
    {
        var a = _table.Lease("d1", "a", _clock, Interval, Ttl);
        var b = _table.Lease("d1", "b", _clock, Interval, Ttl);
        Assert.True(await a.Acquire().WaitAsync(Timeout));

        // Fifteen heartbeats (45 s, past the 30 s the first write bought), each renewing in the database before the clock moves to the next one.
        for (var i = 0; i < 15; i++)
        {
            await _clock.WhenTimer(d => d == Interval).WaitAsync(Timeout);
            _clock.Advance(Interval);
        }

        await _clock.WhenTimer(d => d == Interval).WaitAsync(Timeout);
        Assert.True(a.CheckLease());
        Assert.False(await b.Acquire().WaitAsync(Timeout));
        Assert.Equal(1, a.Epoch);
    }

    [Fact]
    public async Task Acquire_must_fail_with_a_lease_exception_naming_the_table_when_it_is_missing_and_may_not_be_created()
    {
        var a = _table.Lease("d1", "a", _clock, Interval, Ttl, autoInitialize: false);

        var refused = await Assert.ThrowsAsync<Cluster.Lease.LeaseStoreMissingException>(() => a.Acquire().WaitAsync(Timeout));

        Assert.IsAssignableFrom<LeaseException>(refused);
        Assert.Contains($"\"{_table.Schema}\".\"leases\" does not exist", refused.Message, StringComparison.Ordinal);
        Assert.False(a.CheckLease());
    }

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();
}
