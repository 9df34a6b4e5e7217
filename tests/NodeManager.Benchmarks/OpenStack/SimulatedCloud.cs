using System.Text.Json;
using NodeManager.OpenStack;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Credentials;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.Benchmarks.OpenStack;

/// <summary>
/// The setup both OpenStack benchmarks share: a simulator on a free loopback port (instant transitions), one ACTIVE
/// server, an authenticated client, and a raw HttpClient holding the same token, so both sides make the same request.
/// </summary>
internal sealed class SimulatedCloud : IAsyncDisposable
{
    private SimulatedCloud(OpenStackSimulator simulator, OpenStackClient client, HttpClient raw, string serverPath, string limitsPath, string serverId)
    {
        Simulator = simulator;
        Client = client;
        Raw = raw;
        ServerPath = serverPath;
        LimitsPath = limitsPath;
        ServerId = serverId;
    }

    public OpenStackSimulator Simulator { get; }
    public OpenStackClient Client { get; }
    public HttpClient Raw { get; }
    public string ServerPath { get; }
    public string LimitsPath { get; }
    public string ServerId { get; }

    public static async Task<SimulatedCloud> StartAsync(int maxConcurrency)
    {
        var simulator = await OpenStackSimulator.StartAsync(new OpenStackSimulatorOptions { BootDelay = TimeSpan.Zero, VolumeCreateDelay = TimeSpan.Zero });
        var client = OpenStackClient.Create(new OpenStackSettings { MaxConcurrency = maxConcurrency }, OpenRc.FromVariables(simulator.OpenRc)!);
        var serverId = await client.Compute.CreateServerAsync(new ServerCreateSpec { Name = "bench", Image = "node-host", Flavor = "m1.tiny" });
        var token = await client.AuthenticateAsync();
        var raw = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConcurrency }) { BaseAddress = simulator.BaseUri };
        raw.DefaultRequestHeaders.Add("X-Auth-Token", token.Value);
        raw.DefaultRequestHeaders.Add("OpenStack-API-Version", "compute " + client.Compute.Microversion);
        var compute = $"compute/v2.1/{simulator.Options.ProjectId}";
        return new SimulatedCloud(simulator, client, raw, $"{compute}/servers/{serverId}", $"{compute}/limits", serverId);
    }

    /// <summary>What a hand-written caller does: GET, check the status, parse, read the fields it needs.</summary>
    public async Task<string> RawGetServerStatusAsync()
    {
        using var response = await Raw.GetAsync(ServerPath);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var doc = await JsonDocument.ParseAsync(body);
        return doc.RootElement.GetProperty("server").GetProperty("status").GetString()!;
    }

    public async Task<long> RawGetMaxInstancesAsync()
    {
        using var response = await Raw.GetAsync(LimitsPath);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var doc = await JsonDocument.ParseAsync(body);
        return doc.RootElement.GetProperty("limits").GetProperty("absolute").GetProperty("maxTotalInstances").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
