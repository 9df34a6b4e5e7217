using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>Token caching, renewal before expiry and one re-authentication on 401.</summary>
public sealed class TokenSpec
{
    private static int Auths(CloudEnv env) => env.Admin.Calls(SimulatorOps.Authenticate);

    [Fact]
    public async Task Token_must_be_reused_until_shortly_before_it_expires()
    {
        await using var env = await CloudEnv.StartAsync(o => o with { TokenLifetime = TimeSpan.FromHours(1) },
            s => s with { TokenRefreshMargin = TimeSpan.FromMinutes(2) });
        await env.Client.Compute.GetLimitsAsync();
        await env.Client.BlockStorage.GetLimitsAsync();
        Assert.Equal(1, Auths(env));
        env.Clock.Advance(TimeSpan.FromMinutes(58) - TimeSpan.FromSeconds(1));
        await env.Client.Compute.GetLimitsAsync();
        Assert.Equal(1, Auths(env));
        env.Clock.Advance(TimeSpan.FromSeconds(1));
        await env.Client.Compute.GetLimitsAsync();
        Assert.Equal(2, Auths(env));
    }

    [Fact]
    public async Task Concurrent_first_calls_must_share_one_authentication()
    {
        await using var env = await CloudEnv.StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => env.Client.Compute.GetLimitsAsync()));
        Assert.Equal(1, Auths(env));
    }

    [Fact]
    public async Task A_revoked_token_must_cause_exactly_one_reauthentication_and_the_call_must_succeed()
    {
        await using var env = await CloudEnv.StartAsync();
        var before = await env.Client.AuthenticateAsync();
        env.Admin.RevokeTokens();
        var limits = await env.Client.Compute.GetLimitsAsync();
        Assert.Equal(10, limits.MaxInstances);
        Assert.Equal(2, Auths(env));
        Assert.Equal(2, env.Admin.Calls(SimulatorOps.ComputeLimits));
        Assert.NotEqual(before.Value, (await env.Client.AuthenticateAsync()).Value);
    }

    [Fact]
    public async Task A_second_401_must_surface_as_Unauthorized()
    {
        await using var env = await CloudEnv.StartAsync();
        await env.Client.AuthenticateAsync();
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { FailNext = 2, ErrorStatus = 401 });
        var e = await Assert.ThrowsAsync<UnauthorizedException>(() => env.Client.Compute.GetLimitsAsync());
        Assert.EndsWith("/limits", e.Call);
        Assert.Equal(2, Auths(env));
        Assert.Equal(2, env.Admin.Calls(SimulatorOps.ComputeLimits));
    }

    [Fact]
    public async Task Application_credentials_must_authenticate()
    {
        await using var env = await CloudEnv.StartAsync(credentials: c => new Credentials.OpenStackCredentials
        {
            AuthUrl = c.AuthUrl, ApplicationCredentialId = "sim-app-cred", ApplicationCredentialSecret = "sim-app-secret",
        });
        var token = await env.Client.AuthenticateAsync();
        Assert.Equal(env.Simulator.Options.ProjectId, token.ProjectId);
        Assert.Equal(10, (await env.Client.Compute.GetLimitsAsync()).MaxInstances);
    }
}
