using NodeManager.Cli.Endpoint;

namespace NodeManager.Tests.Cli;

public sealed class ServerSentEventReaderSpec
{
    [Fact]
    public async Task Reader_must_dispatch_on_blank_lines_skip_comments_and_keep_the_last_id()
    {
        const string stream = ": keep-alive\n\nid: 7\nevent: node\ndata: {\"a\":1}\n\nevent: decision\ndata: first\ndata:second\n\nid: 9\ndata: cut off";

        var events = await Read(stream);

        Assert.Equal(
            [new ServerSentEvent("7", "node", "{\"a\":1}"), new ServerSentEvent("7", "decision", "first\nsecond")],
            events);
    }

    [Fact]
    public async Task An_event_without_a_type_must_be_a_message()
    {
        var events = await Read("data: x\r\n\r\n");

        Assert.Equal([new ServerSentEvent(null, "message", "x")], events);
    }

    private static async Task<List<ServerSentEvent>> Read(string text)
    {
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEventReader.ReadAsync(new StringReader(text), CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
