using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NodeManager.Persistence;

namespace NodeManager.Tests.Persistence;

/// <summary>The start-up probe's refusals that need no database server: one message, naming the store, within seconds.</summary>
public sealed class JournalProbeSpec : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nm-journal-tests", Guid.NewGuid().ToString("N"));

    public JournalProbeSpec() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Probe_must_name_the_sqlite_file_whose_folder_cannot_be_created()
    {
        // A file where the folder should be: no one, not even root, can create a folder beneath it.
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var database = Path.Combine(blocker, "data", "nodemanager.db");

        var error = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            JournalProbe.CheckAsync(Sqlite(database), CancellationToken.None).WaitAsync(Timeout));

        Assert.StartsWith($"Cannot use the journal and snapshot store (SQLite file {database}): its folder {Path.GetDirectoryName(database)} cannot be created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lock_must_name_the_sqlite_file_whose_folder_cannot_be_created()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var database = Path.Combine(blocker, "nodemanager.db");

        var error = Assert.Throws<JournalUnavailableException>(() => SqliteJournalLock.Acquire(database));

        Assert.Contains(database, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_must_name_host_and_port_when_nothing_listens_without_showing_the_password()
    {
        var port = ClosedPort();
        var settings = PostgreSql($"Host=127.0.0.1;Port={port};Database=nodemanager;Username=nm;Password=s3cret-pw");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            JournalProbe.CheckAsync(settings, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(
            $"Cannot use the journal and snapshot store (PostgreSQL at 127.0.0.1:{port}, database 'nodemanager', user 'nm', schema 'public'): " +
            "connection refused: nothing listens on that host and port.",
            error.Message);
        Assert.DoesNotContain("s3cret-pw", error.ToString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < JournalProbe.DefaultTimeout, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Probe_must_give_up_within_its_timeout_on_a_server_that_never_answers()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var settings = PostgreSql($"Host=127.0.0.1;Port={port};Database=nodemanager;Username=nm");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            JournalProbe.CheckAsync(settings, CancellationToken.None, TimeSpan.FromSeconds(1)).WaitAsync(Timeout));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Probe_must_name_each_store_apart_when_they_differ()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var good = Sqlite(Path.Combine(_folder, "journal.db"));
        var settings = good with { SnapshotStore = good.SnapshotStore with { ConnectionString = $"Data Source={blocker}/snapshots.db" } };

        var error = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            JournalProbe.CheckAsync(settings, CancellationToken.None).WaitAsync(Timeout));

        Assert.StartsWith($"Cannot use the snapshot store (SQLite file {blocker}/snapshots.db)", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "journal.db")));
    }

    [Fact]
    public async Task Readiness_must_fail_naming_the_shared_store_when_its_postgresql_does_not_answer()
    {
        var port = ClosedPort();
        var check = new JournalReadinessCheck(PostgreSql($"Host=127.0.0.1;Port={port};Database=nodemanager;Username=nm;Password=s3cret-pw"), TimeSpan.FromSeconds(2));

        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext()).WaitAsync(Timeout);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith($"Cannot use the journal and snapshot store (PostgreSQL at 127.0.0.1:{port}", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_must_leave_a_sqlite_file_alone()
    {
        // A store the start-up probe would refuse: readiness does not open it (nor take its write lock).
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var check = new JournalReadinessCheck(Sqlite(Path.Combine(blocker, "nodemanager.db")), TimeSpan.FromSeconds(2));

        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext()).WaitAsync(Timeout);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, result.Status);
    }

    private static JournalSettings Sqlite(string database) => JournalSettings.Default with
    {
        Journal = JournalSettings.Default.Journal with { ConnectionString = $"Data Source={database}" },
        SnapshotStore = JournalSettings.Default.SnapshotStore with { ConnectionString = $"Data Source={database}" },
    };

    private static JournalSettings PostgreSql(string connectionString) => JournalSettings.Default with
    {
        Journal = new JournalStoreSettings(JournalBackend.PostgreSql, connectionString, "public", "journal", true, 100),
        SnapshotStore = new JournalStoreSettings(JournalBackend.PostgreSql, connectionString, "public", "snapshot", true, 100),
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
