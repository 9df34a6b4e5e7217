using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NodeManager.Cli;
using NodeManager.Management;
using NodeManager.Tests.Management;

namespace NodeManager.Tests.Cli;

/// <summary>The read commands against the real management endpoint (Kestrel on a loopback port of its own) over a fake controller.</summary>
public sealed class ReadCommandsSpec : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly FakeControllerStatus _status = new() { IsReady = true };
    private readonly OperatorCli _cli = new();
    private readonly TempConfigFiles _files = new();
    private WebApplication _app = null!;
    private string _endpoint = null!;

    public async Task InitializeAsync()
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a"));
        _status.Districts.Add(FakeControllerStatus.District("district-b", reason: "scale-up: usage 91% ≥ high-water mark 80%") with
        {
            NodesByState = new Dictionary<string, int> { ["Failed"] = 1 },
            Conditions = [],
        });
        _status.Nodes.Add(FakeControllerStatus.Node("node-1", "district-a"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-2", "district-a", "Failed", lastError: "Nova: No valid host was found."));
        _status.Nodes.Add(FakeControllerStatus.Node("node-3", "district-b", "Failed"));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.AddManagementEndpoint(ManagementSettings.Default with { Port = 0 }, _status, SecretRedactor.None);
        _app = builder.Build();
        _app.MapManagementEndpoint();
        await _app.StartAsync().WaitAsync(Limit);
        _endpoint = Assert.Single(ManagementEndpoint.Addresses(_app.Services)).ToString();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(Limit);
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task Status_must_show_every_district_with_its_nodes_by_state_conditions_and_last_decision()
    {
        var code = await _cli.RunAsync("status", "--endpoint", _endpoint);

        var text = _cli.Out.ToString();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", _cli.Err.ToString());
        // No actor system behind this endpoint: the members route answers 503, and status still shows the districts.
        Assert.Contains("Members: unknown (Controller not started (503)", text);
        Assert.Contains("district-a", text);
        Assert.Contains("Booting 1, Active 2", text);
        Assert.Contains("1..5 (file)", text);
        Assert.Contains("55%", text);
        Assert.Contains("Quota exceeded for instances: Requested 1, but already used 10 of 10", text);
        Assert.Contains("holding: usage 55% between the water marks", text);
        Assert.Contains("scale-up: usage 91% ≥ high-water mark 80%", text);
    }

    [Fact]
    public async Task Status_as_json_must_carry_the_endpoints_district_list_as_it_came()
    {
        var code = await _cli.RunAsync("status", "--endpoint", _endpoint, "--output", "json");

        using var json = JsonDocument.Parse(_cli.Out.ToString());
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("members").ValueKind);
        var districts = json.RootElement.GetProperty("districts");
        Assert.Equal(1, districts.GetProperty("version").GetInt32());
        Assert.Equal(["district-a", "district-b"], districts.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Districts_must_print_one_row_per_district_and_json_as_the_endpoint_sent_it()
    {
        var table = await _cli.RunAsync("districts", "--endpoint", _endpoint);
        var tableText = _cli.Out.ToString();
        var json = await _cli.RunAsync("districts", "--endpoint", _endpoint, "-o", "json");
        var direct = await new HttpClient().GetStringAsync(new Uri(new Uri(_endpoint), "/districts")).WaitAsync(Limit);

        Assert.Equal(ExitCodes.Success, table);
        Assert.Contains("DISTRICT", tableText);
        Assert.Contains("Failed 1", tableText);
        Assert.Equal(ExitCodes.Success, json);
        Assert.Equal(direct.Trim(), _cli.Out.ToString().Trim());
    }

    [Fact]
    public async Task Nodes_must_ask_for_the_district_and_state_given()
    {
        var code = await _cli.RunAsync("nodes", "--endpoint", _endpoint, "--district", "district-a", "--state", "Failed");

        var text = _cli.Out.ToString();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("node-2.example.com", text);
        Assert.Contains("Nova: No valid host was found.", text);
        Assert.DoesNotContain("node-1.example.com", text);
        Assert.DoesNotContain("node-3.example.com", text);
    }

    [Fact]
    public async Task Node_must_show_its_history_and_its_districts_last_decision()
    {
        var code = await _cli.RunAsync("node", "node-1.example.com", "--endpoint", _endpoint);

        var text = _cli.Out.ToString();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("History:", text);
        Assert.Contains("NodeRequested", text);
        Assert.Contains("scale-up: usage 85% >= 80%", text);
        Assert.Contains("NodeJoined", text);
        Assert.Contains("Hold at 2026-11-21 23:00:00Z: holding: usage 55% between the water marks", text);
    }

    [Fact]
    public async Task Node_as_json_must_print_the_endpoints_body()
    {
        var code = await _cli.RunAsync("node", "node_1", "--endpoint", _endpoint, "--output", "json");

        using var json = JsonDocument.Parse(_cli.Out.ToString());
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("node-1.example.com", json.RootElement.GetProperty("node").GetProperty("name").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("node").GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_node_must_exit_1_with_the_problem_on_one_line()
    {
        var code = await _cli.RunAsync("node", "nowhere", "--endpoint", _endpoint);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("", _cli.Out.ToString());
        Assert.Equal("nodemgr node: Unknown node (404): No node has the host or server name 'nowhere'.", _cli.Err.ToString().TrimEnd());
    }

    [Fact]
    public async Task A_name_the_endpoint_refuses_as_invalid_must_exit_2()
    {
        var code = await _cli.RunAsync("nodes", "--endpoint", _endpoint, "--district", "no such/district");

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.StartsWith("nodemgr nodes: Invalid district name (400):", _cli.Err.ToString());
    }

    [Fact]
    public async Task Without_endpoint_the_management_address_of_the_config_must_be_asked_on_loopback()
    {
        var port = new Uri(_endpoint).Port;
        var file = _files.Write("member.conf", $"node-manager.management {{ hostname = \"0.0.0.0\", port = {port} }}");

        var code = await _cli.RunAsync("districts", "--config", file);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("district-b", _cli.Out.ToString());
    }
}
