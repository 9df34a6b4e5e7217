using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>A simulator with a state file keeps the simulated cloud across a restart, as a real cloud would.</summary>
public sealed class StateFileSpec : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nm-openstack-state-");
    private string StateFile => Path.Combine(_dir.FullName, "data", "openstack-simulator.json");

    public void Dispose() => _dir.Delete(recursive: true);

    private Task<CloudEnv> StartAsync() => CloudEnv.StartAsync(o => o with { StateFile = StateFile });

    private static ServerCreateSpec Spec(string name) => new()
    {
        Name = name,
        Image = "node-host",
        Flavor = "m1.small",
        Networks = ["private"], // the simulator's network, by name
        Metadata = new Dictionary<string, string> { ["nodemanager-cluster"] = "test", ["nodemanager-node"] = name },
    };

    [Fact]
    public async Task Servers_volumes_attachments_and_recordsets_must_be_there_again_after_a_restart_on_the_same_file()
    {
        string activeId, buildingId, volumeId, zoneId;
        IReadOnlyList<SimulatedServer> serversBefore;
        IReadOnlyList<SimulatedVolume> volumesBefore;
        IReadOnlyList<SimulatedRecordset> recordsetsBefore;
        await using (var first = await StartAsync())
        {
            activeId = await first.Client.Compute.CreateServerAsync(Spec("d1_1"));
            volumeId = (await first.Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec
            {
                Name = "d1-1.example.com", SizeGiB = 10, Metadata = new Dictionary<string, string> { ["nodemanager-node"] = "d1-1" },
            })).Id;
            first.Clock.Advance(first.Simulator.Options.BootDelay);
            await first.Client.Compute.AttachVolumeAsync(activeId, volumeId, "/dev/vdb");
            first.Clock.Advance(first.Simulator.Options.AttachDelay);
            zoneId = (await first.Client.Dns.FindZoneAsync("example.com"))!.Id;
            await first.Client.Dns.CreateARecordsetAsync(zoneId, "d1-1.example.com", ["10.0.0.5"], TimeSpan.FromMinutes(5));
            // Created last: still BUILD when the simulator stops.
            buildingId = await first.Client.Compute.CreateServerAsync(Spec("d1_2"));
            serversBefore = first.Admin.Servers();
            volumesBefore = first.Admin.Volumes();
            recordsetsBefore = first.Admin.Recordsets();
        }

        await using var second = await StartAsync();
        // The second simulator's clock starts where the first one's did: bring it to the same moment.
        second.Clock.Advance(second.Simulator.Options.BootDelay + second.Simulator.Options.AttachDelay);

        Assert.Equal(["ACTIVE", "BUILD"], serversBefore.Select(s => s.Status));
        Assert.Equal(serversBefore.Select(Comparable), second.Admin.Servers().Select(Comparable));
        Assert.Equal(volumesBefore, second.Admin.Volumes());
        Assert.Equal("in-use", Assert.Single(second.Admin.Volumes()).Status);
        Assert.Equal(recordsetsBefore.Select(r => (r.Id, r.Zone, r.Name, string.Join(",", r.Records))),
            second.Admin.Recordsets().Select(r => (r.Id, r.Zone, r.Name, string.Join(",", r.Records))));
        // The same ids work through the API: the zone keeps its id, the attachment is still there.
        Assert.Equal(zoneId, (await second.Client.Dns.FindZoneAsync("example.com"))!.Id);
        Assert.Single(await second.Client.Dns.FindRecordsetsAsync(zoneId, "d1-1.example.com."));
        Assert.Equal([volumeId], (await second.Client.Compute.GetServerAsync(activeId)).AttachedVolumeIds);

        // A timed transition that was pending at the stop completes on the restored clock.
        second.Clock.Advance(second.Simulator.Options.BootDelay);
        Assert.True((await second.Client.Compute.GetServerAsync(buildingId)).IsActive);
    }

    private static (string, string, string, string, string, string) Comparable(SimulatedServer s) =>
        (s.Id, s.Name, s.Status, s.Flavor, string.Join(",", s.Metadata.OrderBy(m => m.Key)), string.Join(",", s.AttachedVolumeIds));

    [Fact]
    public async Task A_deleted_server_must_stay_deleted_after_a_restart()
    {
        await using (var first = await StartAsync())
        {
            var id = await first.Client.Compute.CreateServerAsync(Spec("d1_1"));
            await first.Client.Compute.DeleteServerAsync(id);
        }

        await using var second = await StartAsync();
        second.Clock.Advance(second.Simulator.Options.DeleteDelay);
        Assert.Empty(second.Admin.Servers());
    }

    [Fact]
    public async Task A_missing_state_file_must_start_empty_and_be_written_on_the_first_change()
    {
        await using var env = await StartAsync();

        Assert.Empty(env.Admin.Servers());
        Assert.False(File.Exists(StateFile));
        await env.Client.Compute.CreateServerAsync(Spec("d1_1"));
        Assert.Contains("\"d1_1\"", await File.ReadAllTextAsync(StateFile));
    }

    [Fact]
    public async Task A_corrupt_state_file_must_fail_the_start_naming_the_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        await File.WriteAllTextAsync(StateFile, "{ \"servers\": [ truncated");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StartAsync());

        Assert.Contains(StateFile, error.Message);
    }
}
