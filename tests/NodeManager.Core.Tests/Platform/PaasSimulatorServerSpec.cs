using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodeManager.Core.Platform;
using NodeManager.Core.Platform.Adapters;
using NodeManager.Simulators;
using NodeManager.Simulators.Paas;
using NodeManager.Testing;

namespace NodeManager.Core.Tests.Platform;

/// <summary>
/// The PaaS simulator served over HTTP, driven by the product's own <see cref="HttpCapacitySource"/> and
/// <see cref="HttpPlatform"/>: what members with capacity.source = http and platform.adapter = http see of one shared
/// PaaS. The simulator runs on virtual time; the adapters' deadlines on the real clock.
/// </summary>
public sealed class PaasSimulatorServerSpec : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly PlatformNode First = new("d1", "small", "d1-1.example.com");
    private static readonly PlatformNode Second = First with { Host = "d1-2.example.com" };

    private readonly VirtualTimeProvider _time = new();
    private readonly HttpClient _http = new() { Timeout = Limit };
    private readonly string _stateFile = Path.Combine(Path.GetTempPath(), $"paas-server-{Guid.NewGuid():N}.json");
    private PaasSimulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await Start(demand: 30);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        File.Delete(_stateFile);
    }

    [Fact]
    public async Task Every_platform_operation_must_round_trip_through_the_http_adapter()
    {
        var platform = Platform(_server.PlatformUrl);

        await platform.AddNodeAsync(First, CancellationToken.None);
        var readyAtOnce = await platform.IsNodeReadyAsync(First, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        var readyLater = await platform.IsNodeReadyAsync(First, CancellationToken.None);
        var gears = await platform.ListGearsAsync(First, CancellationToken.None);
        await platform.AddNodeAsync(Second, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await platform.DeactivateNodeAsync(First, CancellationToken.None);
        foreach (var gear in gears)
        {
            await platform.MoveGearAsync(First, gear, Second.Host, CancellationToken.None);
        }

        var left = await platform.ListGearsAsync(First, CancellationToken.None);
        var moved = await platform.ListGearsAsync(Second, CancellationToken.None);
        await platform.RemoveNodeAsync(First, CancellationToken.None);

        Assert.False(readyAtOnce);
        Assert.True(readyLater);
        Assert.Equal(30, gears.Count);
        Assert.Empty(left);
        Assert.Equal(gears.Order(), moved.Order());
        var node = Assert.Single((await Capacity().ReadAsync(CancellationToken.None)).Nodes);
        Assert.Equal((Second.Host, 30), (node.Name, node.ActiveGears));
    }

    [Fact]
    public async Task The_capacity_source_must_read_the_document_the_simulator_holds()
    {
        await Platform(_server.PlatformUrl).AddNodeAsync(First, CancellationToken.None);
        var joining = await Capacity().ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        var document = await Capacity().ReadAsync(CancellationToken.None);

        Assert.False(Assert.Single(joining.Nodes).Responding);
        var district = Assert.Single(document.Districts);
        Assert.Equal(("d1", "small", 6000, 30), (district.Name, district.Profile, district.UidCapacity, district.UidsAllocated));
        var node = Assert.Single(document.Nodes);
        Assert.Equal((First.Host, "d1", "small", 30, 100, true), (node.Name, node.District, node.Profile, node.ActiveGears, node.MaxActiveGears, node.Responding));
        Assert.Equal(document, await _server.Simulator.ReadAsync(CancellationToken.None), CapacityDocumentComparer.Instance);
    }

    [Fact]
    public async Task A_refusal_must_reach_the_adapter_as_a_PlatformException_with_status_409_and_the_simulators_reason()
    {
        var platform = Platform(_server.PlatformUrl);
        await platform.AddNodeAsync(First, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        var holdsGears = await Assert.ThrowsAsync<PlatformException>(() => platform.RemoveNodeAsync(First, CancellationToken.None));
        var unknownDistrict = await Assert.ThrowsAsync<PlatformException>(() => platform.AddNodeAsync(First with { District = "d9" }, CancellationToken.None));

        Assert.Equal(409, holdsGears.ExitCode);
        Assert.StartsWith($"{PlatformSettings.RemoveNode} {First.Host}: HTTP 409", holdsGears.Message, StringComparison.Ordinal);
        Assert.Contains("still holds 30 gear(s)", holdsGears.Message, StringComparison.Ordinal);
        Assert.Equal(409, unknownDistrict.ExitCode);
        Assert.Contains("district d9 does not exist", unknownDistrict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_must_be_problem_json()
    {
        var noBody = await _http.PostAsync(new Uri(_server.PlatformUrl + "/add-node"), new StringContent("")).WaitAsync(Limit);
        var noHost = await _http.PostAsJsonAsync(new Uri(_server.PlatformUrl + "/move-gear"), new { district = "d1", profile = "small" }).WaitAsync(Limit);
        var unknownOperation = await _http.PostAsJsonAsync(new Uri(_server.PlatformUrl + "/reboot-node"), new { }).WaitAsync(Limit);
        var unknownRoute = await _http.GetAsync(new Uri(_server.BaseUri, "nodes")).WaitAsync(Limit);

        await AssertProblem(noBody, HttpStatusCode.BadRequest, "invalid-request", "not a JSON object");
        await AssertProblem(noHost, HttpStatusCode.BadRequest, "invalid-request", "move-gear needs fqdn, gear, target");
        await AssertProblem(unknownOperation, HttpStatusCode.NotFound, "unknown-operation", "reboot-node is not a platform operation");
        await AssertProblem(unknownRoute, HttpStatusCode.NotFound, "unknown-route", "GET /nodes");
    }

    [Fact]
    public async Task With_a_token_the_platform_routes_must_refuse_a_caller_without_it_and_serve_one_with_it()
    {
        await using var guarded = await Start(demand: 0, token: "s3cret");
        var settings = new PlatformSettings(PlatformAdapterKind.Http, Limit) { Url = guarded.PlatformUrl.ToString() };

        var refused = await Assert.ThrowsAsync<PlatformException>(() =>
            new HttpPlatform(_http, settings with { Token = "guess" }, TimeProvider.System).AddNodeAsync(First, CancellationToken.None));
        await new HttpPlatform(_http, settings with { Token = "s3cret" }, TimeProvider.System).AddNodeAsync(First, CancellationToken.None);

        Assert.Equal(401, refused.ExitCode);
        Assert.Contains("urn:nodemanager:problem:unauthorized", refused.Message, StringComparison.Ordinal);
        Assert.Single((await guarded.Simulator.ReadAsync(CancellationToken.None)).Nodes);
        Assert.Equal(1, guarded.Mutations.Total(MutationCounter.Unnamed));
    }

    [Fact]
    public async Task Mutations_must_be_counted_per_caller_named_in_the_url_and_reads_not_at_all()
    {
        var one = Platform(_server.PlatformUrlFor("member-1"));
        var two = Platform(_server.PlatformUrlFor("member-2"));
        var unnamed = Platform(_server.PlatformUrl);

        await one.AddNodeAsync(First, CancellationToken.None);
        await one.IsNodeReadyAsync(First, CancellationToken.None);
        await one.ListGearsAsync(First, CancellationToken.None);
        await two.AddNodeAsync(Second, CancellationToken.None);
        await two.DeactivateNodeAsync(Second, CancellationToken.None);
        await Assert.ThrowsAsync<PlatformException>(() => two.DeactivateNodeAsync(First with { Host = "d1-9.example.com" }, CancellationToken.None));
        await unnamed.DeactivateNodeAsync(First, CancellationToken.None);
        var answer = await _http.GetFromJsonAsync<Dictionary<string, Dictionary<string, int>>>(new Uri(_server.AdminUrl, "mutations")).WaitAsync(Limit);
        var totalBeforeReset = _server.Mutations.Total("member-2");
        var reset = await _http.DeleteAsync(new Uri(_server.AdminUrl, "mutations")).WaitAsync(Limit);

        Assert.Equal(new Dictionary<string, int> { ["add-node"] = 1 }, answer!["member-1"]);
        Assert.Equal(new Dictionary<string, int> { ["add-node"] = 1, ["deactivate-node"] = 2 }, answer["member-2"]);
        Assert.Equal(new Dictionary<string, int> { ["deactivate-node"] = 1 }, answer[MutationCounter.Unnamed]);
        Assert.Equal(3, totalBeforeReset);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, _server.Mutations.Total("member-2"));
    }

    [Fact]
    public async Task Raised_demand_must_land_only_on_nodes_that_were_not_deactivated()
    {
        var platform = Platform(_server.PlatformUrl);
        await platform.AddNodeAsync(First, CancellationToken.None);
        await platform.AddNodeAsync(Second, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        var before = await Gears();
        await platform.DeactivateNodeAsync(First, CancellationToken.None);

        var scaled = await _http.PostAsJsonAsync(new Uri(_server.AdminUrl, "districts/d1/demand"), new { factor = 3.0 }).WaitAsync(Limit);
        var unknown = await _http.PostAsJsonAsync(new Uri(_server.AdminUrl, "districts/d9/demand"), new { factor = 3.0 }).WaitAsync(Limit);
        var after = await Gears();

        Assert.Equal(HttpStatusCode.NoContent, scaled.StatusCode);
        await AssertProblem(unknown, HttpStatusCode.NotFound, "unknown-district", "district d9 is not simulated");
        Assert.Equal((15, 15), (before[First.Host], before[Second.Host]));
        Assert.Equal((15, 75), (after[First.Host], after[Second.Host]));
    }

    [Fact]
    public async Task A_restarted_server_must_report_the_nodes_of_its_state_file()
    {
        await Platform(_server.PlatformUrl).AddNodeAsync(First, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        var before = await Capacity().ReadAsync(CancellationToken.None);
        await _server.DisposeAsync();

        _server = await Start(demand: 30);
        var after = await Capacity().ReadAsync(CancellationToken.None);

        Assert.True(File.Exists(_stateFile));
        Assert.Equal(before.Nodes, after.Nodes);
    }

    private async Task<PaasSimulatorServer> Start(int demand, string token = "") => await PaasSimulatorServer.StartAsync(new PaasSimulatorOptions
    {
        Port = 0,
        Token = token,
        ReadyDelay = TimeSpan.FromSeconds(10),
        MoveTime = TimeSpan.Zero,
        MoveFailureRate = 0,
        MaxActiveGears = 100,
        StateFile = token.Length == 0 ? _stateFile : "",
        Districts = [new SimulatedDistrict("d1", "small", 6000, [new DemandPoint(TimeSpan.Zero, demand)])],
    }, _time).WaitAsync(Limit);

    private HttpPlatform Platform(Uri url) =>
        new(_http, new PlatformSettings(PlatformAdapterKind.Http, Limit) { Url = url.ToString() }, TimeProvider.System);

    private HttpCapacitySource Capacity() => new(_http, _server.CapacityUrl, Limit, TimeProvider.System);

    private async Task<Dictionary<string, int>> Gears() =>
        (await Capacity().ReadAsync(CancellationToken.None)).Nodes.ToDictionary(n => n.Name, n => n.ActiveGears);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string type, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"HTTP {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("urn:nodemanager:problem:" + type, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Records holding lists compare by reference; the document compares by its districts' and nodes' values.</summary>
    private sealed class CapacityDocumentComparer : IEqualityComparer<CapacityDocument>
    {
        public static readonly CapacityDocumentComparer Instance = new();

        public bool Equals(CapacityDocument? x, CapacityDocument? y) =>
            x is not null && y is not null && x.Districts.SequenceEqual(y.Districts) && x.Nodes.SequenceEqual(y.Nodes);

        public int GetHashCode(CapacityDocument obj) => obj.Nodes.Count;
    }
}
