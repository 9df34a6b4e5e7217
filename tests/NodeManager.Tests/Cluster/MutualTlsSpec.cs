using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;
using NodeManager.Tests.Persistence;
using NodeManager.Tests.Support;

namespace NodeManager.Tests.Cluster;

/// <summary>
/// Two real <c>nodemgr run</c> members on loopback with mutual TLS on, their certificates signed by a CA the test
/// made, over the throwaway PostgreSQL and one shared OpenStack and PaaS simulator: they form one cluster; a process
/// presenting a certificate the CA never signed, and one speaking plain TCP, are refused at the handshake and never
/// become members.
/// </summary>
public sealed class MutualTlsSpec : IDisposable
{
    // Five .NET processes start one after another on a shared machine.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RefusalLimit = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StopLimit = TimeSpan.FromMinutes(1);
    private const string ClusterName = "nodemanager-tls";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nodemgr-mutual-tls-");
    private readonly string _schema = $"mutual_tls_{Guid.NewGuid():N}"[..24];
    private readonly List<NodemgrProcess> _processes = [];
    private readonly TestCertificates _certificates;

    public MutualTlsSpec() => _certificates = new TestCertificates(_directory.FullName).WriteCa();

    [Fact]
    public async Task Members_with_CA_signed_certificates_must_form_a_cluster_that_a_rogue_certificate_and_plain_TCP_never_join()
    {
        var openStack = Start("openstack-simulator", "simulate", "openstack", "--port", "0", "--config", DemoConf);
        var paas = Start("paas-simulator", "simulate", "paas", "--port", "0", "--config", DemoConf);
        var (openStackUrl, paasUrl) = (await openStack.SimulatorListening.WaitAsync(StartLimit), await paas.SimulatorListening.WaitAsync(StartLimit));
        var seedPort = FreePorts.Block(1, 49100, 49700);
        var seed = $"akka.ssl.tcp://{ClusterName}@127.0.0.1:{seedPort}";

        var member1 = await StartMemberAsync("member-1", seedPort, seed, Tls(_certificates.Member("member-1"), _certificates.CaFile), openStackUrl, paasUrl);
        var member2 = await StartMemberAsync("member-2", 0, seed, Tls(_certificates.Member("member-2"), _certificates.CaFile), openStackUrl, paasUrl);
        var (management1, management2) = (await member1.Management.WaitAsync(StartLimit), await member2.Management.WaitAsync(StartLimit));
        foreach (var (member, management) in new[] { (member1, management1), (member2, management2) })
        {
            await member.UntilHttpAsync(new Uri(management, "/cluster/members"), r => r.StatusCode == HttpStatusCode.OK && Up(r).Count == 2, StartLimit);
        }

        var members = Up(await GetAsync(management1, "/cluster/members"));

        // A rogue with a self-signed certificate shaped like a member's, which trusts the real CA too (so it accepts the
        // seed's certificate and presents its own): the seed's check of the client certificate is what refuses it.
        var rogueCertificate = _certificates.SelfSigned("member-3", out var roguePem);
        var rogueTrust = Path.Combine(_directory.FullName, "rogue-trust.pem");
        await File.WriteAllTextAsync(rogueTrust, await File.ReadAllTextAsync(_certificates.CaFile) + "\n" + await File.ReadAllTextAsync(roguePem));
        var rogue = await StartMemberAsync("rogue", 0, seed, Tls(rogueCertificate, rogueTrust), openStackUrl, paasUrl);

        var refusal = await WithinAsync(member1.StdoutLine(l => l.Contains("TLS between members: refused", StringComparison.Ordinal) && l.Contains("CN=member-3", StringComparison.Ordinal)));
        // Under TLS 1.3 the client's side of the handshake ends before the server has judged the client's certificate, so
        // the rogue learns of the refusal either as a failed handshake or as the association closing under it.
        var rogueFailure = await WithinAsync(rogue.StdoutLine(l => l.Contains("TLS handshake failed", StringComparison.Ordinal)
            || l.Contains($"Association failed with {seed}", StringComparison.Ordinal)));

        var afterRogue = (Up(await GetAsync(management1, "/cluster/members")), Up(await GetAsync(management2, "/cluster/members")));
        var rogueExit = await StopAsync(rogue);

        // A process without TLS at all, seeded at the same member over plain TCP: the seed cannot even read its handshake.
        // The rogue has stopped, so the seed's next rejection is this process's.
        var rejectionsBefore = Count(member1.Stdout, "Rejected incoming connection");
        var plainSeed = $"akka.tcp://{ClusterName}@127.0.0.1:{seedPort}";
        var plain = await StartMemberAsync("plain", 0, plainSeed, "", openStackUrl, paasUrl);
        await WithinAsync(member1.StdoutLine(l => l.Contains("Rejected incoming connection", StringComparison.Ordinal) && Count(member1.Stdout, "Rejected incoming connection") > rejectionsBefore));
        await WithinAsync(plain.StdoutLine(l => l.Contains($"Association failed with {plainSeed}", StringComparison.Ordinal)));
        var plainMembers = Up(await GetAsync(await plain.Management.WaitAsync(StartLimit), "/cluster/members"));

        // Still the same two members, on both: neither the rogue nor the plain process was ever let in.
        var afterPlain = (Up(await GetAsync(management1, "/cluster/members")), Up(await GetAsync(management2, "/cluster/members")));
        var codes = new List<int>();
        foreach (var process in Enumerable.Reverse(_processes).Where(p => !p.HasExited))
        {
            codes.Add(await StopAsync(process));
        }

        Assert.Contains("does not chain to the cluster's CA", refusal, StringComparison.Ordinal);
        Assert.Matches("TLS handshake failed|Association failed", rogueFailure);
        Assert.Equal([members, members, members, members], [afterRogue.Item1, afterRogue.Item2, afterPlain.Item1, afterPlain.Item2]);
        Assert.Empty(plainMembers);
        Assert.True(codes.Append(rogueExit).All(c => c == 0), $"every process must exit 0 on SIGTERM, got {string.Join(", ", codes)}\n{string.Join("\n", _processes.Select(p => p.Output))}");
    }

    private static async Task<int> StopAsync(NodemgrProcess process)
    {
        process.Signal("TERM");
        return await process.WaitForExitAsync(StopLimit);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _certificates.Dispose();
        using (var connection = new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString))
        {
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
            drop.ExecuteNonQuery();
        }

        _directory.Delete(recursive: true);
    }

    private static string DemoConf => Path.Combine(AppContext.BaseDirectory, "demo.conf");

    private static string Tls(string certificate, string ca) => $$"""
        akka.remote.dot-netty.tcp.enable-ssl = on
        akka.remote.dot-netty.tcp.ssl.certificate { path = "{{certificate}}", password = "{{TestCertificates.Password}}" }
        node-manager.cluster-tls.ca-certificate = "{{ca}}"
        """;

    private async Task<NodemgrProcess> StartMemberAsync(string name, int port, string seed, string tls, Uri openStack, Uri paas)
    {
        var file = Path.Combine(_directory.FullName, name + ".conf");
        await File.WriteAllTextAsync(file, $$"""
            node-manager {
              cluster-name = "{{ClusterName}}"
              management { hostname = "127.0.0.1", port = 0 }
              persistence.journal {
                plugin = postgresql
                connection-string = "{{PostgreSqlTestDatabase.ConnectionString}}"
                schema-name = "{{_schema}}"
              }
              cloud = openstack
              openstack {
                cloud = ""
                auth {
                  auth-url = "{{new Uri(openStack, "identity/v3")}}"
                  username = ${node-manager.simulators.openstack.username}
                  password = ${node-manager.simulators.openstack.password}
                  user-domain-name = "Default"
                  project-name = ${node-manager.simulators.openstack.project-name}
                  project-domain-name = "Default"
                }
                region = ${node-manager.simulators.openstack.region}
              }
              capacity { source = http, url = "{{new Uri(paas, "capacity")}}" }
              platform { adapter = http, http.url = "{{new Uri(paas, "platform/" + name)}}" }
            }
            akka {
              remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port.ToString(CultureInfo.InvariantCulture)}} }
              cluster.seed-nodes = ["{{seed}}"]
            }
            {{tls}}
            """);
        return Start(name, "run", "--config", DemoConf, "--config", file);
    }

    private NodemgrProcess Start(string name, params string[] args)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory.FullName, name)).FullName;
        var process = NodemgrProcess.Start(directory, args);
        _processes.Add(process);
        return process;
    }

    /// <summary>Awaits a log line within <see cref="RefusalLimit"/>; on time-out, fails with every process's output.</summary>
    private async Task<string> WithinAsync(Task<string> line)
    {
        try
        {
            return await line.WaitAsync(RefusalLimit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no such line within {RefusalLimit}\n{string.Join("\n", _processes.Select(p => p.Output))}");
        }
    }

    private static int Count(string text, string what) => text.Split('\n').Count(l => l.Contains(what, StringComparison.Ordinal));

    private static List<string> Up(HttpResponseMessage response) =>
        [.. Json(response).GetProperty("members").EnumerateArray()
            .Where(m => m.GetProperty("status").GetString() == "Up")
            .Select(m => m.GetProperty("node").GetString()!)
            .Order(StringComparer.Ordinal)];

    private static async Task<HttpResponseMessage> GetAsync(Uri management, string path)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var response = await client.GetAsync(new Uri(management, path));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    // The body is buffered already: reading it here does not wait on the network.
    private static JsonElement Json(HttpResponseMessage response) =>
        JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement;
}
