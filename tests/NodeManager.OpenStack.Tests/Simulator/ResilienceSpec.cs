using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>Retries, back-off, Retry-After, timeouts, concurrency and rate limits, all in virtual time.</summary>
public sealed class ResilienceSpec
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private static bool IsBackoff(TimeSpan delay) => delay > TimeSpan.Zero && delay <= MaxDelay;

    private static Task<CloudEnv> Start(Func<OpenStackSettings, OpenStackSettings>? settings = null) =>
        CloudEnv.StartAsync(settings: s => settings?.Invoke(s with { MaxRetries = 3 }) ?? s with { MaxRetries = 3 });

    [Fact]
    public async Task Server_faults_must_be_retried_after_a_bounded_back_off_on_the_injected_clock()
    {
        await using var env = await Start();
        await env.Client.AuthenticateAsync();
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { FailNext = 2, ErrorStatus = 503 });
        var call = env.Client.Compute.GetLimitsAsync();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var delay = await env.Clock.WhenTimer(IsBackoff);
            // Nothing is retried until virtual time passes.
            Assert.Equal(attempt, env.Admin.Calls(SimulatorOps.ComputeLimits));
            Assert.False(call.IsCompleted);
            env.Clock.Advance(delay);
        }
        var limits = await call;
        Assert.Equal(10, limits.MaxInstances);
        Assert.Equal(3, env.Admin.Calls(SimulatorOps.ComputeLimits));
    }

    [Fact]
    public async Task Retries_must_stop_after_the_configured_count()
    {
        await using var env = await Start(s => s with { MaxRetries = 2 });
        await env.Client.AuthenticateAsync();
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { ErrorRate = 1.0, ErrorStatus = 500 });
        var call = env.Client.Compute.GetLimitsAsync();
        for (var i = 0; i < 2; i++) env.Clock.Advance(await env.Clock.WhenTimer(IsBackoff));
        await Assert.ThrowsAsync<ServerFaultException>(() => call);
        Assert.Equal(3, env.Admin.Calls(SimulatorOps.ComputeLimits));
    }

    [Fact]
    public async Task Client_errors_must_never_be_retried()
    {
        await using var env = await Start();
        await env.Client.AuthenticateAsync();
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { FailNext = 1, ErrorStatus = 400 });
        await Assert.ThrowsAsync<BadRequestException>(() => env.Client.Compute.GetLimitsAsync());
        Assert.Equal(1, env.Admin.Calls(SimulatorOps.ComputeLimits));
        Assert.Equal(0, env.Clock.Pending(IsBackoff));
    }

    [Fact]
    public async Task A_create_must_not_be_retried_after_a_server_fault_because_it_may_have_happened()
    {
        await using var env = await Start();
        env.Admin.SetFault(SimulatorOps.ServerCreate, new FaultSpec { FailNext = 1, ErrorStatus = 500 });
        await Assert.ThrowsAsync<ServerFaultException>(() =>
            env.Client.Compute.CreateServerAsync(new ServerCreateSpec { Name = "s", Image = "node-host", Flavor = "m1.tiny" }));
        Assert.Equal(1, env.Admin.Calls(SimulatorOps.ServerCreate));
    }

    [Fact]
    public async Task Authentication_must_be_retried_after_a_server_fault_because_a_second_token_is_harmless()
    {
        await using var env = await Start();
        env.Admin.SetFault(SimulatorOps.Authenticate, new FaultSpec { FailNext = 1, ErrorStatus = 503 });
        var call = env.Client.AuthenticateAsync();
        env.Clock.Advance(await env.Clock.WhenTimer(IsBackoff));
        Assert.NotEmpty((await call).Value);
        Assert.Equal(2, env.Admin.Calls(SimulatorOps.Authenticate));
    }

    [Fact]
    public async Task Retry_After_must_be_honoured_exactly_even_for_a_create()
    {
        await using var env = await Start();
        var spec = new ServerCreateSpec { Name = "s", Image = "node-host", Flavor = "m1.tiny" };
        await env.Client.Compute.ResolveImageAsync(spec.Image);
        await env.Client.Compute.ResolveFlavorAsync(spec.Flavor);
        env.Admin.SetFault(SimulatorOps.ServerCreate, new FaultSpec { FailNext = 1, ErrorStatus = 429, RetryAfterSeconds = 7 });
        var call = env.Client.Compute.CreateServerAsync(spec);
        Assert.Equal(TimeSpan.FromSeconds(7), await env.Clock.WhenTimer(d => d == TimeSpan.FromSeconds(7)));
        env.Clock.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Equal(1, env.Admin.Calls(SimulatorOps.ServerCreate));
        env.Clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.NotEmpty(await call);
        Assert.Equal(2, env.Admin.Calls(SimulatorOps.ServerCreate));
        Assert.Single(env.Admin.Servers());
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_maximum_must_fail_at_once_as_rate_limited()
    {
        await using var env = await Start(s => s with { MaxRetryAfter = TimeSpan.FromMinutes(1) });
        await env.Client.AuthenticateAsync();
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { FailNext = 1, ErrorStatus = 429, RetryAfterSeconds = 600 });
        var e = await Assert.ThrowsAsync<RateLimitedException>(() => env.Client.Compute.GetLimitsAsync());
        Assert.Equal(TimeSpan.FromSeconds(600), e.RetryAfter);
        Assert.Equal(1, env.Admin.Calls(SimulatorOps.ComputeLimits));
    }

    [Fact]
    public async Task A_hung_call_must_time_out_on_the_injected_clock_and_be_retried()
    {
        var timeout = TimeSpan.FromSeconds(30);
        await using var env = await Start(s => s with { MaxRetries = 1, CallTimeout = timeout });
        await env.Client.AuthenticateAsync();
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { Hang = true });
        var call = env.Client.Compute.GetLimitsAsync();
        await env.Clock.WhenTimer(d => d == timeout);
        await env.Admin.WhenCalls(SimulatorOps.ComputeLimits, 1);
        env.Clock.Advance(timeout);
        env.Clock.Advance(await env.Clock.WhenTimer(IsBackoff));
        await env.Clock.WhenTimer(d => d == timeout);
        await env.Admin.WhenCalls(SimulatorOps.ComputeLimits, 2);
        env.Clock.Advance(timeout);
        var e = await Assert.ThrowsAsync<OpenStackTimeoutException>(() => call);
        Assert.Equal(timeout, e.Timeout);
        Assert.EndsWith("/limits", e.Call);
        Assert.Equal(2, env.Admin.Calls(SimulatorOps.ComputeLimits));
    }

    [Fact]
    public async Task Injected_latency_must_delay_the_answer_in_virtual_time()
    {
        await using var env = await Start();
        await env.Client.AuthenticateAsync();
        var latency = TimeSpan.FromSeconds(3);
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { LatencyMin = latency, LatencyMax = latency });
        var call = env.Client.Compute.GetLimitsAsync();
        await env.Clock.WhenTimer(d => d == latency);
        Assert.False(call.IsCompleted);
        env.Clock.Advance(latency);
        Assert.Equal(10, (await call).MaxInstances);
    }

    [Fact]
    public async Task No_more_than_max_concurrency_requests_must_be_in_flight()
    {
        const int limit = 3, callers = 8;
        await using var env = await Start(s => s with { MaxConcurrency = limit });
        await env.Client.AuthenticateAsync();
        var latency = TimeSpan.FromSeconds(1);
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { LatencyMin = latency, LatencyMax = latency });
        env.Admin.ResetCounters();
        var calls = Enumerable.Range(0, callers).Select(_ => env.Client.Compute.GetLimitsAsync()).ToList();
        for (var remaining = callers; remaining > 0; remaining -= limit)
        {
            // Exactly min(limit, remaining) requests reach the cloud before time moves on.
            await env.Clock.WhenTimer(d => d == latency, Math.Min(limit, remaining));
            Assert.Equal(callers - remaining + Math.Min(limit, remaining), env.Admin.Calls(SimulatorOps.ComputeLimits));
            env.Clock.Advance(latency);
        }
        await Task.WhenAll(calls);
        Assert.Equal(limit, env.Admin.MaxInFlight);
    }

    [Fact]
    public async Task Requests_must_be_spaced_by_the_configured_rate()
    {
        var interval = TimeSpan.FromSeconds(2);
        await using var env = await Start(s => s with { RequestInterval = interval });
        await env.Client.AuthenticateAsync();
        // The token request took the first slot; once its interval has passed the next request may start at once.
        env.Clock.Advance(interval);
        env.Admin.ResetCounters();
        var first = env.Client.Compute.GetLimitsAsync();
        var second = env.Client.Compute.GetLimitsAsync();
        await env.Clock.WhenTimer(d => d > TimeSpan.Zero && d <= interval);
        await Task.WhenAny(first, second);
        Assert.Equal(1, env.Admin.Calls(SimulatorOps.ComputeLimits));
        env.Clock.Advance(interval);
        await Task.WhenAll(first, second);
        Assert.Equal(2, env.Admin.Calls(SimulatorOps.ComputeLimits));
    }
}
