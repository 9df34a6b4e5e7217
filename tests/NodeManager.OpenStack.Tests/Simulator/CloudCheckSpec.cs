using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Simulator;

public sealed class CloudCheckSpec
{
    [Fact]
    public async Task Check_must_print_the_endpoints_and_the_limits_and_succeed()
    {
        await using var env = await CloudEnv.StartAsync();
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.True(await CloudCheck.RunAsync(env.Client, output, error));
        var text = output.ToString();
        Assert.Contains($"compute        {env.Simulator.BaseUri}compute/v2.1/", text);
        Assert.Contains("instances      0 / 10", text);
        Assert.Contains("gigabytes      0 / 1000", text);
        Assert.DoesNotContain(env.Simulator.Options.Password, text);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Check_must_fail_with_keystones_message_when_authentication_is_refused()
    {
        await using var env = await CloudEnv.StartAsync(credentials: c => c with { Password = "wrong" });
        var error = new StringWriter();
        Assert.False(await CloudCheck.RunAsync(env.Client, new StringWriter(), error));
        Assert.Contains("The request you have made requires authentication.", error.ToString());
    }

    [Fact]
    public async Task Check_must_fail_naming_the_missing_service_only_when_it_is_required()
    {
        await using var env = await CloudEnv.StartAsync(o => o with { IncludeDns = false });
        Assert.True(await CloudCheck.RunAsync(env.Client, new StringWriter(), new StringWriter()));
        using var withDns = env.NewClient(CloudEnv.QuietSettings with { DnsEnabled = true });
        var error = new StringWriter();
        Assert.False(await CloudCheck.RunAsync(withDns, new StringWriter(), error));
        Assert.Contains("service type dns", error.ToString());
    }
}
