using System.Net.Http.Json;
using System.Text.Json;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Http;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>
/// The simulator counts cloud mutations per caller, told apart by the User-Agent the product's client sends (its host
/// and process id), so a multi-process test can prove that one member made no change after a point.
/// </summary>
public sealed class MutationCountSpec : IAsyncLifetime
{
    private CloudEnv _env = null!;

    public async Task InitializeAsync() => _env = await CloudEnv.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Client_mutations_must_be_counted_under_the_client_user_agent_and_reads_not_at_all()
    {
        var id = await _env.Client.Compute.CreateServerAsync(new ServerCreateSpec { Name = "d1_1", Image = "node-host", Flavor = "m1.small" });
        await _env.Client.Compute.GetServerAsync(id);
        await _env.Client.Compute.DeleteServerAsync(id);

        var counts = _env.Admin.Mutations.Snapshot();
        Assert.Equal([OpenStackTransport.UserAgent], counts.Keys);
        Assert.Equal(
            new Dictionary<string, int> { [SimulatorOps.ServerCreate] = 1, [SimulatorOps.ServerDelete] = 1 },
            counts[OpenStackTransport.UserAgent]);
        Assert.Contains($"pid {Environment.ProcessId}", OpenStackTransport.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_api_must_list_mutations_per_caller_count_a_refused_one_and_reset_them()
    {
        using var raw = new RawApi(_env.Simulator);
        // A create Nova refuses (no name) is still a mutation the caller attempted.
        var (status, _) = await raw.PostAsync($"{raw.Compute}/servers", """{"server": {}}""");
        using var admin = new HttpClient { BaseAddress = _env.Simulator.AdminUrl };

        var listed = await admin.GetFromJsonAsync<Dictionary<string, Dictionary<string, int>>>("mutations");
        using var reset = await admin.DeleteAsync("mutations");
        var after = await admin.GetStringAsync("mutations");

        Assert.Equal(400, status);
        Assert.Equal(1, listed![MutationCounter.Unnamed][SimulatorOps.ServerCreate]);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(after).RootElement.ValueKind);
        Assert.Equal("{}", after);
    }
}
