using Akka.Actor;
using Akka.Configuration;
using Akka.Coordination;
using Akka.Event;
using Npgsql;

namespace NodeManager.Cluster.Lease;

/// <summary>
/// An Akka.Coordination <see cref="Lease"/> kept in a PostgreSQL table (<see cref="LeaseStore"/>), loaded by class name
/// like Akka's Kubernetes lease: <c>lease-class = "NodeManager.Cluster.Lease.PostgreSqlLease, NodeManager.Cluster"</c>
/// in a section such as <c>akka.coordination.lease.postgresql</c>, which Cluster Sharding (<c>use-lease</c>) and the
/// split brain resolver (<c>lease-majority.lease-implementation</c>) name.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Acquired, the row belongs to the owner until <c>heartbeat-timeout</c> after its last write; a heartbeat renews
/// it every <c>heartbeat-interval</c>. A member that crashes keeps it at most that long.</item>
/// <item>A renew that is refused (the row expired, was taken over or released), fails or outlasts
/// <c>lease-operation-timeout</c> loses the lease: <see cref="CheckLease"/> turns false and the lost callback given to
/// <see cref="Acquire(Action{Exception})"/> runs once.</item>
/// <item><see cref="CheckLease"/> answers from this process's monotonic clock, without I/O: true only while the last
/// successful write started less than <c>heartbeat-timeout</c> minus <c>heartbeat-interval</c> ago. The database
/// cannot hand the row to another owner before <c>heartbeat-timeout</c> after that write, so a process paused past it
/// (SIGSTOP, a long GC) reads false the moment it runs again, before its next renew, and the margin of one
/// heartbeat-interval leaves a call already under way time to land.</item>
/// <item>Acquire and release fail with <see cref="LeaseTimeoutException"/> after <c>lease-operation-timeout</c>, and with
/// <see cref="LeaseException"/> when the database refuses (naming the store, never its password); either may mean the
/// lease is taken after all, as Akka's contract says.</item>
/// </list>
/// </remarks>
public sealed class PostgreSqlLease : Akka.Coordination.Lease
{
    /// <summary>The config section the product documents in reference.conf.</summary>
    public const string ConfigPath = "akka.coordination.lease.postgresql";

    private readonly PostgreSqlLeaseSettings _storeSettings;
    private readonly LeaseStore _store;
    private readonly TimeoutSettings _timeouts;
    private readonly TimeProvider _time;
    private readonly bool _clockInSql;
    private readonly ILoggingAdapter? _log;
    private readonly Lock _gate = new();
    private Tenure? _tenure;
    private string? _lostReason;

    /// <summary>The constructor <see cref="LeaseProvider"/> calls: the database's clock, the system's timers.</summary>
    public PostgreSqlLease(LeaseSettings settings, ExtendedActorSystem system)
        : this(settings, TimeProvider.System, clockInSql: false, Logging.GetLogger(system, typeof(PostgreSqlLease)))
    {
        ArgumentNullException.ThrowIfNull(system);
        system.RegisterOnTermination(StopHeartbeat);
    }

    /// <param name="time">Drives the heartbeat and the validity of <see cref="CheckLease"/>.</param>
    /// <param name="clockInSql">
    /// True: <paramref name="time"/>'s wall clock is also "now" in every statement (tests move it); false: the database's.
    /// </param>
    internal PostgreSqlLease(LeaseSettings settings, TimeProvider time, bool clockInSql, ILoggingAdapter? log)
        : base(settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _timeouts = settings.TimeoutSettings;
        // LeaseProvider does not say which section it read; errors name the one the product documents.
        _storeSettings = PostgreSqlLeaseSettings.Create(settings.LeaseConfig, ConfigPath);
        _store = new LeaseStore(_storeSettings);
        _time = time;
        _clockInSql = clockInSql;
        _log = log;
    }

    /// <summary>The default configuration of <see cref="ConfigPath"/>, for Akka's reference configuration.</summary>
    public static Config DefaultConfiguration =>
        ConfigurationFactory.FromResource("NodeManager.Cluster.reference.conf", typeof(PostgreSqlLease).Assembly);

    private string Name => Settings.LeaseName;

    private string Owner => Settings.OwnerName;

    // How long a successful write vouches for the lease here: the row's life less one heartbeat of margin.
    private TimeSpan Validity => _timeouts.HeartbeatTimeout - _timeouts.HeartbeatInterval;

    /// <summary>Why <see cref="CheckLease"/> is false, for the log and the fence; null while the lease is held.</summary>
    public string? LostReason
    {
        get
        {
            lock (_gate)
            {
                if (_tenure is { } t)
                {
                    var since = _time.GetElapsedTime(t.WrittenAt);
                    return since < Validity ? null
                        : $"lease {Name} (epoch {t.Epoch}) last renewed {since.TotalSeconds:0.#}s ago, beyond heartbeat-timeout less heartbeat-interval ({Validity.TotalSeconds:0.#}s)";
                }

                return _lostReason ?? $"lease {Name} is not held by {Owner}";
            }
        }
    }

    /// <summary>The epoch this owner holds, or null.</summary>
    public long? Epoch
    {
        get
        {
            lock (_gate) return _tenure?.Epoch;
        }
    }

    public override bool CheckLease()
    {
        lock (_gate) return _tenure is { } t && _time.GetElapsedTime(t.WrittenAt) < Validity;
    }

    public override Task<bool> Acquire() => Acquire(null!);

    public override async Task<bool> Acquire(Action<Exception> leaseLostCallback)
    {
        var writtenAt = _time.GetTimestamp();
        var tenure = await RunAsync("acquire", ct => _store.AcquireAsync(Name, Owner, _timeouts.HeartbeatTimeout, SqlNow(), ct)).ConfigureAwait(false);
        if (tenure is null)
        {
            LogTaken(Name, Owner);
            return false;
        }

        lock (_gate)
        {
            _tenure?.Heartbeat?.Dispose();
            _lostReason = null;
            _tenure = new Tenure(tenure.Epoch, writtenAt, leaseLostCallback);
            ArmHeartbeat(_tenure);
        }

        LogAcquired(Name, Owner, tenure.Epoch);
        return true;
    }

    public override async Task<bool> Release()
    {
        StopHeartbeat();
        lock (_gate) _lostReason = $"lease {Name} was released by {Owner}";
        return await RunAsync("release", async ct => await _store.ReleaseAsync(Name, Owner, SqlNow(), ct).ConfigureAwait(false) ? Released.Instance : null)
            .ConfigureAwait(false) is not null;
    }

    private DateTimeOffset? SqlNow() => _clockInSql ? _time.GetUtcNow() : null;

    // Called under _gate. One renew at a time: the next is armed when this one has finished.
    private void ArmHeartbeat(Tenure tenure) =>
        tenure.Heartbeat = _time.CreateTimer(_ => _ = HeartbeatAsync(tenure), null, _timeouts.HeartbeatInterval, Timeout.InfiniteTimeSpan);

    private async Task HeartbeatAsync(Tenure tenure)
    {
        var writtenAt = _time.GetTimestamp();
        string reason;
        try
        {
            var renewed = await RunAsync("renew", ct => _store.RenewAsync(Name, Owner, tenure.Epoch, _timeouts.HeartbeatTimeout, SqlNow(), ct))
                .ConfigureAwait(false);
            if (renewed is not null)
            {
                lock (_gate)
                {
                    if (!ReferenceEquals(_tenure, tenure)) return;
                    tenure.WrittenAt = writtenAt;
                    ArmHeartbeat(tenure);
                }

                return;
            }

            reason = await DescribeRefusalAsync(tenure.Epoch).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            reason = $"lease {Name} (epoch {tenure.Epoch}): renew failed: {e.Message}";
        }

        Lose(tenure, reason);
    }

    private async Task<string> DescribeRefusalAsync(long epoch)
    {
        var prefix = $"lease {Name} (epoch {epoch}): renew refused";
        try
        {
            var row = await RunAsync("read", ct => _store.ReadAsync(Name, ct)).ConfigureAwait(false);
            return row switch
            {
                null => $"{prefix}: its row is gone",
                { Owner: null } => $"{prefix}: it was released",
                { Owner: var o } when o != Owner => $"{prefix}: taken over by {o} (epoch {row.Epoch})",
                _ when row.Epoch != epoch => $"{prefix}: taken again in epoch {row.Epoch}",
                _ => $"{prefix}: it expired at {row.ExpiresAt:HH:mm:ss.fff}",
            };
        }
        catch (LeaseException)
        {
            return prefix;
        }
    }

    private void Lose(Tenure tenure, string reason)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_tenure, tenure)) return;
            _tenure = null;
            _lostReason = reason;
            tenure.Heartbeat?.Dispose();
        }

        _log?.Warning("{0}", reason);
        tenure.LostCallback?.Invoke(new LeaseException(reason));
    }

    private void StopHeartbeat()
    {
        lock (_gate)
        {
            _tenure?.Heartbeat?.Dispose();
            _tenure = null;
        }
    }

    /// <summary>Runs one statement within lease-operation-timeout; maps the driver's failures onto Akka's lease exceptions.</summary>
    private async Task<T?> RunAsync<T>(string operation, Func<CancellationToken, Task<T?>> statement)
        where T : class
    {
        // Real time, also under a test clock: the timeout bounds a wait on the network, not a lease duration.
        using var timeout = new CancellationTokenSource(_timeouts.OperationTimeout);
        try
        {
            return await statement(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (timeout.IsCancellationRequested && e is OperationCanceledException or NpgsqlException)
        {
            throw new LeaseTimeoutException(
                $"Timed out after {_timeouts.OperationTimeout.TotalSeconds:0.#}s trying to {operation} lease [{Name}, {Owner}] in {StoreName()}. It may still be taken.");
        }
        catch (NpgsqlException e)
        {
            throw new LeaseException($"Could not {operation} lease [{Name}, {Owner}] in {StoreName()}: {e.Message}", e);
        }
    }

    private string StoreName()
    {
        var builder = new NpgsqlConnectionStringBuilder(_storeSettings.ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} table \"{_storeSettings.Schema}\".\"{_storeSettings.Table}\"";
    }

    private void LogAcquired(string name, string owner, long epoch) => _log?.Info("Lease {0} acquired by {1} (epoch {2})", name, owner, epoch);

    private void LogTaken(string name, string owner) => _log?.Debug("Lease {0} is held by another owner than {1}", name, owner);

    private sealed class Tenure(long epoch, long writtenAt, Action<Exception>? lostCallback)
    {
        public long Epoch { get; } = epoch;

        /// <summary>Monotonic timestamp at which the last successful write was sent.</summary>
        public long WrittenAt { get; set; } = writtenAt;

        public Action<Exception>? LostCallback { get; } = lostCallback;

        public ITimer? Heartbeat { get; set; }
    }

    private sealed class Released
    {
        public static Released Instance { get; } = new();
    }
}
