using System.Text.Json;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Hosting;
using NodeManager.Tests.Management;

namespace NodeManager.Tests.EndToEnd;

/// <summary>The event stream of a running <c>nodemgr run</c> on demo.conf: a node's launch arrives as it happens.</summary>
[Collection(ProcessLogCollection.Name)]
public sealed class EventStreamSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task The_stream_must_deliver_a_node_becoming_active_and_events_must_list_its_states_newest_first()
    {
        await using var demo = await DemoRun.StartAsync(DemoRun.Configs(_files));
        using var client = new HttpClient { BaseAddress = demo.BaseAddress, Timeout = Limit };
        using var stream = await SseClient.OpenAsync(client, "/events/stream?kind=node", lastEventId: "0", Limit);

        // Bounded by count and by time: the demo launches a handful of nodes, each through a handful of states.
        JsonElement active = default;
        for (var i = 0; i < 500 && active.ValueKind == JsonValueKind.Undefined; i++)
        {
            var message = await stream.NextEventAsync(Limit);
            Assert.Equal("node", message.Event);
            var e = JsonDocument.Parse(message.Data).RootElement.Clone();
            if (e.GetProperty("type").GetString() == "Active") active = e;
        }

        Assert.Equal(JsonValueKind.Object, active.ValueKind);
        var node = active.GetProperty("node").GetString()!;
        var listed = (await demo.Management.GetAsync($"/events?kind=node&node={node}")).GetProperty("events").EnumerateArray()
            .Select(e => (Id: e.GetProperty("id").GetInt64(), Type: e.GetProperty("type").GetString())).ToList();
        Assert.Equal(listed.Select(e => e.Id).OrderDescending(), listed.Select(e => e.Id));
        Assert.Contains(listed, e => e.Type == "Active");
        Assert.Contains(listed, e => e.Type == "Booting");
        await demo.StopAsync();
    }

    public void Dispose() => _files.Dispose();
}
