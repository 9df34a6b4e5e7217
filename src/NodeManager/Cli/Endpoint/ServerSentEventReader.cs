using System.Runtime.CompilerServices;
using System.Text;

namespace NodeManager.Cli.Endpoint;

/// <summary>
/// Reads a <c>text/event-stream</c> as the HTML standard's event-stream interpretation does: <c>id</c>, <c>event</c> and
/// <c>data</c> fields, a blank line dispatching the event, comment lines (<c>: keep-alive</c>) and unknown fields ignored.
/// An event cut off by the end of the stream is dropped, as a browser drops it.
/// </summary>
public static class ServerSentEventReader
{
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? id = null;
        string? type = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new ServerSentEvent(id, type ?? "message", data.ToString());
                }

                type = null;
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
            }
        }
    }
}
