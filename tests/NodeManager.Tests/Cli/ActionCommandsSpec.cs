using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NodeManager.Cli;

namespace NodeManager.Tests.Cli;

/// <summary>The action commands against a fake endpoint that records what they send and answers as the contract says.</summary>
public sealed class ActionCommandsSpec : IAsyncLifetime
{
    private const string Token = "s3cret-ops-token-0123456789";
    private FakeManagementServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeManagementServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string[], string, string> Actions => new()
    {
        { ["drain", "node-3.example.com"], "POST", "/nodes/node-3.example.com/drain" },
        { ["protect", "node-3.example.com"], "POST", "/nodes/node-3.example.com/protect" },
        { ["unprotect", "node-3.example.com"], "POST", "/nodes/node-3.example.com/unprotect" },
        { ["retry", "node-3.example.com"], "POST", "/nodes/node-3.example.com/retry" },
        { ["forget", "node-3.example.com"], "POST", "/nodes/node-3.example.com/forget" },
        { ["pause", "district-a"], "POST", "/districts/district-a/pause" },
        { ["resume", "district-a"], "POST", "/districts/district-a/resume" },
        { ["scale-now", "district-a"], "POST", "/districts/district-a/scale-now" },
        { ["bounds", "district-a", "--min", "1", "--max", "5"], "PUT", "/districts/district-a/bounds" },
        { ["bounds", "district-a", "--clear"], "DELETE", "/districts/district-a/bounds" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_action_must_send_its_route_the_token_and_the_reason(string[] command, string method, string path)
    {
        _server.Answer(method, path, 200, Result(command[0], command[1], changed: true));
        var cli = new OperatorCli((CliEnvironment.TokenVariable, Token));

        var code = await cli.RunAsync([.. command, "--reason", "kernel update", "--endpoint", _server.Address.ToString()]);

        var request = Assert.Single(_server.Requests);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.PathAndQuery);
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.Equal("kernel update", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal($"{command[0]} {command[1]}: done (by ops at 2026-12-03 10:30:20Z, reason: kernel update)", cli.Out.ToString().TrimEnd());
    }

    [Fact]
    public async Task Bounds_must_send_min_and_max_as_integers()
    {
        _server.Answer("PUT", "/districts/district-a/bounds", 200, Result("bounds", "district-a", changed: true));
        var cli = new OperatorCli((CliEnvironment.TokenVariable, Token));

        await cli.RunAsync("bounds", "district-a", "--min", "2", "--max", "7", "--endpoint", _server.Address.ToString());

        using var body = JsonDocument.Parse(Assert.Single(_server.Requests).Body);
        Assert.Equal(2, body.RootElement.GetProperty("min").GetInt32());
        Assert.Equal(7, body.RootElement.GetProperty("max").GetInt32());
        Assert.False(body.RootElement.TryGetProperty("reason", out _));
    }

    [Theory]
    [InlineData("bounds", "district-a", "--min", "2")]
    [InlineData("bounds", "district-a", "--clear", "--max", "3")]
    [InlineData("drain")]
    public async Task A_usage_error_must_exit_2_and_send_nothing(params string[] command)
    {
        var cli = new OperatorCli();

        var code = await cli.RunAsync([.. command, "--endpoint", _server.Address.ToString()]);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Empty(_server.Requests);
        Assert.NotEqual("", cli.Err.ToString());
    }

    [Fact]
    public async Task An_action_already_in_effect_must_say_that_nothing_changed()
    {
        _server.Answer("POST", "/districts/district-a/pause", 200, Result("pause", "district-a", changed: false, reason: null));
        var cli = new OperatorCli((CliEnvironment.TokenVariable, Token));

        var code = await cli.RunAsync("pause", "district-a", "--endpoint", _server.Address.ToString());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("pause district-a: already in effect, nothing changed (by ops at 2026-12-03 10:30:20Z)", cli.Out.ToString().TrimEnd());
        Assert.Equal("{}", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task The_token_flag_must_win_over_the_environment()
    {
        _server.Answer("POST", "/districts/district-a/resume", 200, Result("resume", "district-a", changed: true));
        var cli = new OperatorCli((CliEnvironment.TokenVariable, "from-the-environment-0123"));

        await cli.RunAsync("resume", "district-a", "--token", Token, "--endpoint", _server.Address.ToString());

        Assert.Equal($"Bearer {Token}", Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task Without_a_token_an_action_must_send_no_authorization()
    {
        _server.Answer("POST", "/districts/district-a/resume", 401, FakeManagementServer.Problem(401, "Unauthorized", "A bearer token is required."));
        var cli = new OperatorCli();

        var code = await cli.RunAsync("resume", "district-a", "--endpoint", _server.Address.ToString());

        Assert.Equal(ExitCodes.AuthenticationRefused, code);
        Assert.Null(Assert.Single(_server.Requests).Authorization);
    }

    [Theory]
    [InlineData(400, "Invalid bounds", "min 5 is more than max 2.", ExitCodes.ConfigError)]
    [InlineData(401, "Unauthorized", "The bearer token is not known.", ExitCodes.AuthenticationRefused)]
    [InlineData(403, "Forbidden", "Operator actions are off: no token is configured.", ExitCodes.AuthenticationRefused)]
    [InlineData(404, "Unknown node", "No node has the host or server name 'node-3.example.com'.", ExitCodes.Failure)]
    [InlineData(409, "Conflict", "node-3.example.com is Booting, not Active.", ExitCodes.Failure)]
    [InlineData(500, "Internal error", "See the log for trace 00-1.", ExitCodes.Failure)]
    public async Task A_refusal_must_exit_with_its_code_and_one_line_naming_the_problem(int status, string title, string detail, int exit)
    {
        _server.Answer("POST", "/nodes/node-3.example.com/drain", status, FakeManagementServer.Problem(status, title, detail));
        var cli = new OperatorCli((CliEnvironment.TokenVariable, Token));

        var code = await cli.RunAsync("drain", "node-3.example.com", "--endpoint", _server.Address.ToString());

        Assert.Equal(exit, code);
        Assert.Equal("", cli.Out.ToString());
        Assert.Equal($"nodemgr drain: {title} ({status}): {detail}{Environment.NewLine}", cli.Err.ToString());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task The_token_must_never_be_printed_even_when_an_endpoint_echoes_it(string output)
    {
        _server.Answer("POST", "/nodes/node-3.example.com/protect", 200, Result("protect", "node-3.example.com", changed: true, reason: Token));
        _server.Answer("POST", "/nodes/node-3.example.com/retry", 409, FakeManagementServer.Problem(409, "Conflict", $"token {Token} is wrong"));
        var cli = new OperatorCli((CliEnvironment.TokenVariable, Token));

        var ok = await cli.RunAsync("protect", "node-3.example.com", "-o", output, "--endpoint", _server.Address.ToString());
        var printed = cli.Out + cli.Err.ToString();
        var refused = await cli.RunAsync("retry", "node-3.example.com", "-o", output, "--endpoint", _server.Address.ToString());
        printed += cli.Out + cli.Err.ToString();

        Assert.Equal(ExitCodes.Success, ok);
        Assert.Equal(ExitCodes.Failure, refused);
        Assert.Contains("[redacted]", printed);
        Assert.DoesNotContain(Token, printed);
    }

    [Fact]
    public async Task Json_output_must_print_the_endpoints_answer_as_it_came()
    {
        var answer = Result("scale-now", "district-a", changed: true);
        _server.Answer("POST", "/districts/district-a/scale-now", 200, answer);
        var cli = new OperatorCli((CliEnvironment.TokenVariable, Token));

        var code = await cli.RunAsync("scale-now", "district-a", "--output", "json", "--endpoint", _server.Address.ToString());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(answer, cli.Out.ToString().TrimEnd());
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_must_exit_1_saying_it_cannot_be_reached()
    {
        var closed = ClosedPort();
        var cli = new OperatorCli((CliEnvironment.TokenVariable, Token));

        var code = await cli.RunAsync("pause", "district-a", "--endpoint", $"http://127.0.0.1:{closed}");

        Assert.Equal(ExitCodes.Failure, code);
        var line = Assert.Single(cli.Err.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith($"nodemgr pause: cannot reach the management endpoint at http://127.0.0.1:{closed}/:", line);
        Assert.DoesNotContain(Token, line);
    }

    [Fact]
    public async Task An_endpoint_that_is_no_url_must_exit_2()
    {
        var cli = new OperatorCli();

        var code = await cli.RunAsync("resume", "district-a", "--endpoint", "127.0.0.1:8558");

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Equal("nodemgr resume: --endpoint: expected an http:// or https:// URL, got '127.0.0.1:8558'", cli.Err.ToString().TrimEnd());
    }

    private static string Result(string action, string target, bool changed, string? reason = "kernel update") =>
        $$"""{ "version": 1, "action": "{{action}}", "target": "{{target}}", "by": "ops", "at": "2026-12-03T10:30:20.564Z", "reason": {{(reason is null ? "null" : JsonSerializer.Serialize(reason))}}, "changed": {{(changed ? "true" : "false")}} }""";

    /// <summary>A loopback port that was free a moment ago and that nothing listens on now: connecting is refused.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
