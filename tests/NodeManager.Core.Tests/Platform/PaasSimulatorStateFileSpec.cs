using NodeManager.Core.Platform;
using NodeManager.Simulators.Paas;
using NodeManager.Testing;

namespace NodeManager.Core.Tests.Platform;

/// <summary>A PaaS simulator with a state file still reports its nodes after a restart.</summary>
public sealed class PaasSimulatorStateFileSpec : IDisposable
{
    private static readonly PlatformNode Ready = new("d1", "small", "d1-1.example.com");
    private static readonly PlatformNode Drained = Ready with { Host = "d1-2.example.com" };
    private static readonly PlatformNode Booting = Ready with { Host = "d1-3.example.com" };
    private readonly VirtualTimeProvider _time = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nm-paas-state-");
    private string StateFile => Path.Combine(_dir.FullName, "data", "paas-simulator.json");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Nodes_must_be_reported_again_with_their_gears_and_flags_after_a_restart_on_the_same_file()
    {
        var first = Simulator(demand: 30);
        await first.AddNodeAsync(Ready, CancellationToken.None);
        await first.AddNodeAsync(Drained, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await first.DeactivateNodeAsync(Drained, CancellationToken.None);
        await first.AddNodeAsync(Booting, CancellationToken.None);
        var before = await first.ReadAsync(CancellationToken.None);
        var gearsBefore = await first.ListGearsAsync(Ready, CancellationToken.None);

        var second = Simulator(demand: 30);
        var after = await second.ReadAsync(CancellationToken.None);

        Assert.Equal(before.Nodes, after.Nodes);
        Assert.Equal([true, true, false], after.Nodes.Select(n => n.Responding));
        Assert.Equal(gearsBefore, await second.ListGearsAsync(Ready, CancellationToken.None));
        Assert.Equal(0, second.PendingGears);
        // Deactivated stays deactivated: more demand lands on the other ready node only, under gear names not used before.
        var third = Simulator(demand: 60);
        Assert.Empty(await third.ListGearsAsync(Drained, CancellationToken.None));
        var gearsAfter = await third.ListGearsAsync(Ready, CancellationToken.None);
        Assert.Equal(60, gearsAfter.Distinct().Count());
        Assert.Superset(gearsBefore.ToHashSet(), gearsAfter.ToHashSet());
        // The booting node becomes ready on time, as if there had been no restart.
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await third.IsNodeReadyAsync(Booting, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_state_file_must_start_empty_and_be_written_on_the_first_change()
    {
        var paas = Simulator(demand: 0);

        Assert.Empty((await paas.ReadAsync(CancellationToken.None)).Nodes);
        Assert.False(File.Exists(StateFile));
        await paas.AddNodeAsync(Ready, CancellationToken.None);
        Assert.Contains(Ready.Host, await File.ReadAllTextAsync(StateFile));
    }

    [Fact]
    public async Task A_corrupt_state_file_must_fail_naming_the_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        await File.WriteAllTextAsync(StateFile, "{ \"nodes\": [ { \"host\": ");

        var error = Assert.Throws<InvalidDataException>(() => Simulator(demand: 0));

        Assert.Contains(StateFile, error.Message);
    }

    private PaasSimulator Simulator(int demand) => new(new PaasSimulatorOptions
    {
        ReadyDelay = TimeSpan.FromSeconds(10),
        MoveTime = TimeSpan.Zero,
        MoveFailureRate = 0,
        MaxActiveGears = 100,
        StateFile = StateFile,
        Districts = [new SimulatedDistrict("d1", "small", 6000, [new DemandPoint(TimeSpan.Zero, demand)])],
    }, _time);
}
