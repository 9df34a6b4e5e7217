using System.Net.Http.Headers;

namespace NodeManager.Tests.Management;

/// <summary>Reads a <c>text/event-stream</c> response line by line, as a browser's EventSource would; every read has a timeout.</summary>
internal sealed class SseClient : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public sealed record Message(string Id, string Event, string Data);

    public static async Task<SseClient> OpenAsync(HttpClient client, string path, string? lastEventId, TimeSpan timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(timeout);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync().WaitAsync(timeout);
        return new SseClient(response, new StreamReader(body));
    }

    /// <summary>The next event (comments skipped).</summary>
    public async Task<Message> NextEventAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        string? id = null, kind = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("the stream ended before an event");
            if (line.Length == 0)
            {
                if (data is not null) return new Message(id ?? "", kind ?? "message", data);
                continue;
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
    }

    /// <summary>The next comment line (<c>: …</c>); fails on an event in between.</summary>
    public async Task<string> NextCommentAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("the stream ended before a comment");
            if (line.StartsWith(':')) return line;
            if (line.Length > 0 && !line.StartsWith("retry:", StringComparison.Ordinal)) throw new InvalidOperationException($"expected a comment, read '{line}'");
        }
    }

    /// <summary>True once the server has ended the response.</summary>
    public async Task<bool> EndedAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (await _reader.ReadLineAsync(deadline.Token) is not null)
        {
        }

        return true;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
