using System.Globalization;
using System.Net;
using System.Text.Json;

namespace NodeManager.Tests.Faults;

/// <summary>
/// A cluster on loopback for one fault spec: <c>nodemgr simulate openstack</c>, <c>nodemgr simulate paas</c> and
/// members (<c>nodemgr run</c>) journaling into one PostgreSQL database, with the failure detector, the split brain
/// resolver and the lease timed in seconds (<see cref="FaultTimings"/>). Three districts, each held at one node whose
/// server boots slowly enough to catch it Booting. Every process is its own child, ended by its PID; disposing kills
/// what still runs and deletes the directory.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    public const string ClusterName = "faults";
    public static readonly string[] Districts = ["district-a", "district-b", "district-c"];

    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("nodemgr-faults-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<ClusterMember> _members = [];
    private readonly string _connectionString;
    private readonly FaultTimings _timings;
    private int[] _remotingPorts = [];
    private NodemgrProcess? _openStack;
    private NodemgrProcess? _paas;

    private FaultCluster(string connectionString, FaultTimings timings)
    {
        _connectionString = connectionString;
        _timings = timings;
    }

    public IReadOnlyList<ClusterMember> Members => _members;

    public Uri OpenStackSimulator { get; private set; } = null!;

    public Uri PaasSimulator { get; private set; } = null!;

    public string Directory => _directory.FullName;

    /// <summary>
    /// Starts both simulators and <paramref name="members"/> members (the first is the seed node and starts first, so it
    /// creates the journal's tables alone), and waits until each sees every member Up.
    /// </summary>
    public static async Task<FaultCluster> StartAsync(string connectionString, int members, FaultTimings? timings = null)
    {
        var cluster = new FaultCluster(connectionString, timings ?? FaultTimings.Short);
        try
        {
            await cluster.StartSimulatorsAsync();
            cluster._remotingPorts = [.. Enumerable.Range(FreePorts.Block(members, 48000, 48600), members)];
            var first = await cluster.StartMemberAsync(1);
            await first.Management.WaitAsync(StartLimit);
            var others = Enumerable.Range(2, members - 1).Select(cluster.StartMemberAsync).ToList();
            foreach (var member in await Task.WhenAll(others))
            {
                await member.Management.WaitAsync(StartLimit);
            }

            // Every member, not only the first, must see all Up before a fault: the split brain resolver counts the
            // members it sees Up, and one that still saw two of three would down its own side when the first pauses.
            foreach (var member in cluster.Members)
            {
                await cluster.UntilAsync(async () => await cluster.UpCountAsync(member) == members, StartLimit, $"{member} sees every member Up");
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The base configuration the simulators and every member start from (also for a stray member).</summary>
    public string BaseConfig => Path.Combine(Directory, "base.conf");

    /// <summary>Starts member <paramref name="index"/> (1-based) from the base file and its own; it is this cluster's to end.</summary>
    private async Task<ClusterMember> StartMemberAsync(int index)
    {
        var port = _remotingPorts[index - 1];
        var file = Path.Combine(Directory, $"member-{index}.conf");
        await File.WriteAllTextAsync(file, MemberConfig(index, port));
        var work = System.IO.Directory.CreateDirectory(Path.Combine(Directory, $"member-{index}")).FullName;
        var process = NodemgrProcess.Start(work, "run", "--config", BaseConfig, "--config", file);
        var member = new ClusterMember(index, port, process);
        lock (_members)
        {
            _members.Add(member);
        }

        return member;
    }

    /// <summary>
    /// Starts a <c>nodemgr run</c> configured as a member would be (the same cloud, PaaS and journal, seed nodes naming
    /// the first member, a free remoting port) with <paramref name="overrides"/> written last; it is this cluster's to end.
    /// </summary>
    public async Task<NodemgrProcess> StartStrayAsync(string name, string overrides)
    {
        var file = Path.Combine(Directory, $"{name}.conf");
        await File.WriteAllTextAsync(file, MemberConfig(99, 0) + overrides);
        var work = System.IO.Directory.CreateDirectory(Path.Combine(Directory, name)).FullName;
        var process = NodemgrProcess.Start(work, "run", "--config", BaseConfig, "--config", file);
        lock (_members)
        {
            _members.Add(new ClusterMember(0, 0, process));
        }

        return process;
    }

    public async Task<JsonElement> GetAsync(Uri baseAddress, string path)
    {
        var text = await _http.GetStringAsync(new Uri(baseAddress, path));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The owner <paramref name="via"/> names for <paramref name="district"/> (an Akka address), or null.</summary>
    public async Task<string?> OwnerAsync(ClusterMember via, string district)
    {
        try
        {
            var answer = await GetAsync(await via.Management, $"districts/{district}");
            return answer.GetProperty("district").TryGetProperty("owner", out var owner) ? owner.GetString() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Every node <paramref name="via"/> reports (live and finished), as <c>/nodes</c> lists them.</summary>
    public async Task<IReadOnlyList<JsonElement>> NodesAsync(ClusterMember via) =>
        [.. (await GetAsync(await via.Management, "nodes")).GetProperty("nodes").EnumerateArray()];

    public async Task<int> UpCountAsync(ClusterMember via)
    {
        try
        {
            var answer = await GetAsync(await via.Management, "cluster/members");
            return answer.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Up");
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>The member whose Akka address is <paramref name="address"/>.</summary>
    public ClusterMember? MemberAt(string? address) =>
        address is null ? null : _members.FirstOrDefault(m => m.Port != 0 && address.EndsWith($":{m.Port.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal));

    /// <summary>Mutations per caller and operation, as the OpenStack or the PaaS simulator counted them.</summary>
    public async Task<IReadOnlyDictionary<string, int>> MutationsAsync(Uri simulator)
    {
        var answer = await GetAsync(simulator, "_admin/mutations");
        return answer.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.EnumerateObject().Sum(o => o.Value.GetInt32()), StringComparer.Ordinal);
    }

    /// <summary>What the simulated cloud holds: every server and volume, including ones being deleted.</summary>
    public async Task<(IReadOnlyList<JsonElement> Servers, IReadOnlyList<JsonElement> Volumes)> CloudAsync() =>
        ([.. (await GetAsync(OpenStackSimulator, "_admin/servers")).EnumerateArray()],
         [.. (await GetAsync(OpenStackSimulator, "_admin/volumes")).EnumerateArray()]);

    /// <summary>
    /// Polls <paramref name="probe"/> every 200 ms until it holds; a failed request counts as not yet. Fails after
    /// <paramref name="limit"/> naming <paramref name="what"/> with every process's output. Polling is the point: the
    /// endpoints are what an operator observes.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> probe, TimeSpan limit, string what)
    {
        using var deadline = new CancellationTokenSource(limit);
        using var poll = new PeriodicTimer(PollInterval);
        var last = "";
        while (true)
        {
            try
            {
                if (await probe())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or KeyNotFoundException)
            {
                last = e.Message;
            }

            try
            {
                await poll.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"not reached within {limit}: {what} (last error: {last})\n{Describe()}");
            }
        }
    }

    /// <summary>Every process's output (the members' last lines), for a failure message.</summary>
    public string Describe()
    {
        var processes = new List<ChildProcess?> { _openStack, _paas };
        lock (_members)
        {
            processes.AddRange(_members.Select(m => m.Process));
        }

        return string.Concat(processes.OfType<ChildProcess>().Select(p => Tail(p.Output, 80) + "\n"));
    }

    public async ValueTask DisposeAsync()
    {
        List<ChildProcess?> processes;
        lock (_members)
        {
            processes = [.. _members.Select(m => m.Process), _paas, _openStack];
        }

        foreach (var process in processes.OfType<ChildProcess>())
        {
            if (PosixProcesses.IsRunning(process.Pid))
            {
                // A stopped process must run again to die of anything but SIGKILL; SIGKILL ends it either way.
                PosixProcesses.KillIfRunning(process.Pid);
                await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            }

            process.Dispose();
        }

        _http.Dispose();
        _directory.Delete(recursive: true);
    }

    private async Task StartSimulatorsAsync()
    {
        await File.WriteAllTextAsync(BaseConfig, BaseConfigText());
        var openStackDirectory = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "openstack-simulator")).FullName;
        _openStack = NodemgrProcess.Start(openStackDirectory, "simulate", "openstack", "--port", "0", "--config", BaseConfig);
        var paasDirectory = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "paas-simulator")).FullName;
        _paas = NodemgrProcess.Start(paasDirectory, "simulate", "paas", "--port", "0", "--config", BaseConfig);
        OpenStackSimulator = await _openStack.SimulatorListening.WaitAsync(StartLimit);
        PaasSimulator = await _paas.SimulatorListening.WaitAsync(StartLimit);
        await _paas.UntilHttpAsync(new Uri(PaasSimulator, "capacity"), r => r.StatusCode == HttpStatusCode.OK, StartLimit);
    }

    private string BaseConfigText() => $$"""
        node-manager {
          cluster-name = "{{ClusterName}}"
          logging.console.theme = none
          simulators.openstack {
            # Slow enough that a node is caught Booting, then VolumeAttaching.
            boot-delay = {{Seconds(_timings.BootDelay)}}
            volume-create-delay = 2s
            attach-delay = 2s
            delete-delay = 1s
            quotas { instances = 20, cores = 40, ram = 102400, volumes = 20, gigabytes = 1000 }
            dns.enabled = off
          }
          simulators.paas {
            ready-delay = 1s
            move-time = 100ms
            move-failure-rate = 0
            max-active-gears = 50
            districts = [
        {{string.Join("\n", Districts.Select(d => $$"""      { name = "{{d}}", profile = "small", uid-capacity = 6000, demand = [{ at = 0s, gears = 5 }] }"""))}}
            ]
          }
          scaling {
            scale-up-sustained-for = 1s
            scale-up-cooldown = 1s
            max-concurrent-launches = 3
            lifecycle {
              poll-interval = 500ms
              boot-timeout = 2m
              attach-timeout = 1m
              join-timeout = 1m
            }
          }
          # One node per district, launched at start.
          districts.default { min-nodes = 1, max-nodes = 1 }
          profiles.default {
            image = "node-host"
            flavor = "m1.small"
            cores = 1
            ram-mb = 2048
            volume { enabled = on, size = 10GiB, device = "/dev/vdb" }
            naming.domain = "example.com"
          }
        }
        """;

    private string MemberConfig(int index, int port) => $$"""
        node-manager {
          management { hostname = "127.0.0.1", port = 0 }
          persistence.journal {
            plugin = postgresql
            connection-string = "{{_connectionString}}"
          }
          cloud = openstack
          openstack {
            auth {
              auth-url = "{{new Uri(OpenStackSimulator, "identity/v3")}}"
              username = ${node-manager.simulators.openstack.username}
              password = ${node-manager.simulators.openstack.password}
              user-domain-name = "Default"
              project-name = ${node-manager.simulators.openstack.project-name}
              project-domain-name = "Default"
            }
            region = ${node-manager.simulators.openstack.region}
          }
          capacity { source = http, url = "{{new Uri(PaasSimulator, "capacity")}}", interval = 1s, timeout = 2s }
          platform { adapter = http, http.url = "{{new Uri(PaasSimulator, $"platform/{ClusterMember.PlatformCallerOf(index)}")}}" }
        }
        akka {
          remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port.ToString(CultureInfo.InvariantCulture)}} }
          cluster {
            seed-nodes = ["akka.tcp://{{ClusterName}}@127.0.0.1:{{_remotingPorts[0].ToString(CultureInfo.InvariantCulture)}}"]
            failure-detector {
              heartbeat-interval = 1s
              acceptable-heartbeat-pause = {{Seconds(_timings.AcceptableHeartbeatPause)}}
            }
            split-brain-resolver.stable-after = {{Seconds(_timings.StableAfter)}}
            sharding.lease-retry-interval = 1s
          }
          coordination.lease.postgresql {
            heartbeat-interval = {{Seconds(_timings.LeaseHeartbeat)}}
            heartbeat-timeout = {{Seconds(_timings.LeaseTimeout)}}
            lease-operation-timeout = 2s
          }
        }

        """;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return all.Length <= lines ? text : $"({all.Length - lines} lines omitted)\n" + string.Join('\n', all[^lines..]);
    }
}
