using Akka.Configuration;
using Akka.Coordination;
using NodeManager.Cluster.Fencing;
using NodeManager.Cluster.Lease;
using NodeManager.Cluster.Tests.Support;

namespace NodeManager.Cluster.Tests.Fencing;

/// <summary>
/// The fence of a district run as a sharded entity reads the lease Akka's Shard acquires through
/// <see cref="LeaseProvider"/> (same name, config path and owner, so the same instance), on the PostgreSQL of
/// NODEMANAGER_TEST_POSTGRES with the database's own clock.
/// </summary>
public sealed class ShardLeaseFenceSpec : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly LeaseTable Table = new();

    public ShardLeaseFenceSpec()
        : base(ConfigFor(Table))
    {
    }

    [Fact]
    public async Task Fence_must_read_held_while_the_shard_holds_the_lease_and_lost_once_another_owner_took_the_row()
    {
        var fence = new ShardLeaseFence(Sys, "district", "d1", PostgreSqlLease.ConfigPath);
        var before = fence.Check();
        // What Akka's Shard does for shard d1 of entity type "district" when use-lease names this section.
        var lease = LeaseProvider.Get(Sys).GetLease($"{Sys.Name}-shard-district-d1", PostgreSqlLease.ConfigPath, fence.Owner);
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(await lease.Acquire(e => lost.TrySetResult(e)).WaitAsync(Timeout));
        var held = fence.Check();

        // A member whose view says the row ran out long ago takes it over; the holder's next heartbeat is refused.
        var takeover = await Table.Store().AcquireAsync(fence.LeaseName, "10.0.0.9:4053", TimeSpan.FromSeconds(2),
            DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None).WaitAsync(Timeout);
        await lost.Task.WaitAsync(Timeout);
        var after = fence.Check();

        Assert.Equal($"{Sys.Name}-shard-district-d1", fence.LeaseName);
        Assert.Matches($@"^{Sys.Name}@127\.0\.0\.1:\d+$", fence.Owner); // Akka.NET's HostPort() keeps the system name
        Assert.False(before.Held);
        Assert.Equal($"lease {fence.LeaseName} is not held by {fence.Owner}", before.Reason);
        Assert.True(held.Held);
        Assert.Equal(2, takeover!.Epoch);
        Assert.False(after.Held);
        Assert.Equal($"lease {fence.LeaseName} (epoch 1): renew refused: taken over by 10.0.0.9:4053 (epoch 2)", after.Reason);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await Table.DisposeAsync();

    private static Config ConfigFor(LeaseTable table) =>
        ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.loglevel = WARNING
            {{PostgreSqlLease.ConfigPath}} {
            {{table.SectionText(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2))}}
            }
            """)
            .WithFallback(PostgreSqlLease.DefaultConfiguration);
}
