using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

public sealed class LoggingSpec
{
    [Fact]
    public async Task Logs_must_name_method_path_status_and_request_id_and_never_a_secret()
    {
        var logs = new ListLoggerFactory();
        await using var env = await CloudEnv.StartAsync(loggerFactory: logs, settings: s => s with { MaxRetries = 1 });
        const string userData = "#cloud-config\npassword: user-data-secret";
        await env.Client.Compute.CreateServerAsync(new ServerCreateSpec { Name = "s", Image = "node-host", Flavor = "m1.tiny", UserData = userData });
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { FailNext = 1, ErrorStatus = 503 });
        var call = env.Client.Compute.GetLimitsAsync();
        env.Clock.Advance(await env.Clock.WhenTimer(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(10)));
        await call;
        env.Admin.RevokeTokens();
        await env.Client.Compute.GetLimitsAsync();
        var token = (await env.Client.AuthenticateAsync()).Value;

        var lines = logs.Lines;
        Assert.Contains(lines, l => l.Contains("POST /compute/v2.1/") && l.Contains("/servers -> 202") && l.Contains("(request req-"));
        Assert.Contains(lines, l => l.Contains("GET /compute/v2.1/") && l.Contains("/limits -> 503"));
        Assert.Contains(lines, l => l.Contains("retry 1 in"));
        Assert.Contains(lines, l => l.Contains("answered 401; re-authenticating once"));
        foreach (var secret in new[] { env.Simulator.Options.Password, token, "user-data-secret", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userData)) })
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_404_is_an_answer_logged_at_debug_while_other_refusals_stay_warnings()
    {
        var logs = new ListLoggerFactory();
        await using var env = await CloudEnv.StartAsync(loggerFactory: logs, settings: s => s with { MaxRetries = 1 });
        await Assert.ThrowsAsync<NotFoundException>(() => env.Client.Compute.GetServerAsync("no-such-server"));
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { FailNext = 1, ErrorStatus = 400 });
        await Assert.ThrowsAnyAsync<OpenStackException>(() => env.Client.Compute.GetLimitsAsync());

        var lines = logs.Lines;
        Assert.Contains(lines, l => l.StartsWith("Debug ", StringComparison.Ordinal) && l.Contains("/servers/no-such-server -> 404"));
        Assert.DoesNotContain(lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("-> 404"));
        Assert.Contains(lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("/limits -> 400"));
    }
}
