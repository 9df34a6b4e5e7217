using System.Net;
using System.Text.Json;
using Npgsql;
using NodeManager.Tests.Persistence;

namespace NodeManager.Tests.Deploy;

/// <summary>
/// <c>deploy/local-cluster.sh</c> on the PostgreSQL of NODEMANAGER_TEST_POSTGRES: one OpenStack simulator, one PaaS
/// simulator and three members that read capacity from and act on the shared simulators; a SIGTERM to the script, or a
/// terminal's Ctrl-C to its process group, stops every process with exit 0 and leaves none behind.
/// </summary>
public sealed class LocalClusterScriptSpec : IDisposable
{
    // Start-up builds nothing (--app), but five .NET processes start one after another on a shared machine.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopLimit = TimeSpan.FromMinutes(2);
    private static readonly string[] Processes = ["openstack-simulator", "paas-simulator", "member-1", "member-2", "member-3"];

    private readonly DirectoryInfo _runDirectory = Directory.CreateTempSubdirectory("nodemgr-local-cluster-");
    private readonly string _schema = $"local_cluster_{Guid.NewGuid():N}"[..28];

    [Theory]
    [InlineData("TERM", false)]
    [InlineData("INT", true)]
    public async Task Every_process_must_exit_0_when_the_script_is_stopped(string signal, bool toProcessGroup)
    {
        using var cluster = LocalClusterScript.Start(
            _runDirectory.FullName, PostgreSqlTestDatabase.ConnectionString, _schema, FreePorts.Block(LocalClusterScript.PortCount, 47300, 47900));
        await cluster.AllStarted.WaitAsync(StartLimit);
        foreach (var member in cluster.Members)
        {
            await cluster.Script.UntilHttpAsync(new Uri(member, "alive"), r => r.StatusCode == HttpStatusCode.OK, StartLimit);
            // The district exists only in the PaaS simulator's script: a member that names it read the shared simulator.
            await cluster.Script.UntilHttpAsync(new Uri(member, "districts/district-a"), r => r.StatusCode == HttpStatusCode.OK, StartLimit);
        }

        // The three form one cluster: each sees three members Up, and all name the same member as the district's owner.
        var owners = new List<string>();
        foreach (var member in cluster.Members)
        {
            await cluster.Script.UntilHttpAsync(new Uri(member, "cluster/members"), r => r.StatusCode == HttpStatusCode.OK && UpMembers(r) == 3, StartLimit);
            string? owner = null;
            await cluster.Script.UntilHttpAsync(
                new Uri(member, "districts/district-a"), r => r.StatusCode == HttpStatusCode.OK && (owner = OwnerOf(r)) is { Length: > 0 }, StartLimit);
            owners.Add(owner!);
        }

        Assert.True(owners.Distinct().Count() == 1, $"one owner of district-a expected, the members name: {string.Join(", ", owners)}");

        var started = cluster.Started;
        if (toProcessGroup)
        {
            PosixProcesses.SignalGroup(cluster.Script.Pid, signal);
        }
        else
        {
            cluster.Script.Signal(signal);
        }

        var code = await cluster.Script.WaitForExitAsync(StopLimit);

        Assert.True(Processes.Order().SequenceEqual(started.Keys.Order()), cluster.Script.Output);
        Assert.True(code == 0, $"script exit {code}\n{Logs(cluster)}");
        Assert.True(Processes.All(p => cluster.Exited.GetValueOrDefault(p, -1) == 0), $"every process must exit 0\n{Logs(cluster)}");
        var left = started.Where(p => PosixProcesses.IsRunning(p.Value)).ToList();
        Assert.True(left.Count == 0, $"still running: {string.Join(", ", left)}\n{cluster.Script.Output}");
    }

    public void Dispose()
    {
        using (var connection = new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString))
        {
            connection.Open();
            foreach (var schema in new[] { _schema, $"{_schema}_1", $"{_schema}_2", $"{_schema}_3" })
            {
                using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
                drop.ExecuteNonQuery();
            }
        }

        _runDirectory.Delete(recursive: true);
    }

    private static int UpMembers(HttpResponseMessage response) =>
        Json(response).GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Up");

    private static string? OwnerOf(HttpResponseMessage response) =>
        Json(response).GetProperty("district").TryGetProperty("owner", out var owner) ? owner.GetString() : null;

    // HttpClient has buffered the body already: reading it here does not wait on the network.
    private static JsonElement Json(HttpResponseMessage response) =>
        JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement;

    /// <summary>The script's output and the tail of each process's log, for a failure message.</summary>
    private string Logs(LocalClusterScript cluster) =>
        cluster.Script.Output + string.Concat(Processes.Select(p => Path.Combine(_runDirectory.FullName, p + ".log")).Where(File.Exists)
            .Select(log => $"--- {Path.GetFileName(log)} (last lines)\n{string.Join('\n', File.ReadLines(log).TakeLast(15))}\n"));
}
