using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Flurl.Http;

namespace NodeManager.Cli.Endpoint;

/// <summary>
/// The management endpoint as `nodemgr` calls it (Flurl over one HttpClient, like the OpenStack client). Every answer
/// other than 2xx, and every failure to get one, becomes an <see cref="EndpointException"/> with one line for stderr and
/// the exit code. The bearer token goes only on requests that change something, and every text this client hands out
/// has it blanked, should an endpoint ever echo it.
/// </summary>
public sealed class ManagementClient : IDisposable
{
    /// <summary>How long one ordinary request may take: the endpoint answers 503 itself after its own request timeout (5s).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private const string Redacted = "[redacted]";
    private readonly IFlurlClient _flurl;
    private readonly string? _token;

    /// <param name="handler">The HTTP handler (specs may pass one); by default sockets.</param>
    public ManagementClient(Uri endpoint, string? token, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _token = string.IsNullOrEmpty(token) ? null : token;
        // HttpClient's own timeout is off so that the event stream may stay open; ordinary calls set theirs per request.
        var http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = endpoint,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _flurl = new FlurlClient(http).WithSettings(s =>
        {
            s.Timeout = null;
            s.AllowedHttpStatusRange = "*";
        });
    }

    public Uri Endpoint { get; }

    /// <summary>GET a read route; <paramref name="query"/> pairs with a null value are left out.</summary>
    /// <exception cref="EndpointException">Nothing answered, or the answer was not 2xx.</exception>
    public Task<EndpointAnswer> GetAsync(string path, CancellationToken cancellationToken, params (string Name, string? Value)[] query) =>
        SendAsync(HttpMethod.Get, path, query, body: null, cancellationToken);

    /// <summary>An operator action: <paramref name="body"/> as JSON, with the bearer token.</summary>
    /// <exception cref="EndpointException">Nothing answered, or the answer was not 2xx.</exception>
    public Task<EndpointAnswer> ActAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken) =>
        SendAsync(method, path, [], body, cancellationToken);

    /// <summary>
    /// The events of an event stream as they come, until the server ends it (the enumeration ends) or the connection
    /// breaks (<see cref="IOException"/> or <see cref="HttpRequestException"/> from the enumeration).
    /// </summary>
    /// <exception cref="EndpointException">Nothing answered, or the answer was not 2xx.</exception>
    public async IAsyncEnumerable<ServerSentEvent> StreamAsync(string path, string? lastEventId,
        [EnumeratorCancellation] CancellationToken cancellationToken, params (string Name, string? Value)[] query)
    {
        var request = Request(path, query).WithHeader("Accept", "text/event-stream");
        if (lastEventId is not null)
        {
            request = request.WithHeader("Last-Event-ID", lastEventId);
        }

        using var response = await SendOnceAsync(request, HttpMethod.Get, null, HttpCompletionOption.ResponseHeadersRead, timeout: null, cancellationToken);
        await ThrowUnlessSuccessAsync(response, HttpMethod.Get, path);
        using var reader = new StreamReader(await response.GetStreamAsync(), Encoding.UTF8);
        await foreach (var e in ServerSentEventReader.ReadAsync(reader, cancellationToken))
        {
            yield return e with { Data = Redact(e.Data) };
        }
    }

    /// <summary><paramref name="text"/> with the token blanked.</summary>
    public string Redact(string text) =>
        _token is null ? text : text.Replace(_token, Redacted, StringComparison.Ordinal);

    private async Task<EndpointAnswer> SendAsync(
        HttpMethod method, string path, (string Name, string? Value)[] query, object? body, CancellationToken cancellationToken)
    {
        var request = Request(path, query).WithHeader("Accept", "application/json");
        if (body is not null && _token is not null)
        {
            request = request.WithHeader("Authorization", new AuthenticationHeaderValue("Bearer", _token).ToString());
        }

        using var response = await SendOnceAsync(request, method, body, HttpCompletionOption.ResponseContentRead, RequestTimeout, cancellationToken);
        await ThrowUnlessSuccessAsync(response, method, path);
        var text = Redact(await response.GetStringAsync());
        return new EndpointAnswer(response.StatusCode, text);
    }

    private IFlurlRequest Request(string path, (string Name, string? Value)[] query)
    {
        var request = _flurl.Request(path.TrimStart('/'));
        foreach (var (name, value) in query)
        {
            if (value is not null)
            {
                request = request.SetQueryParam(name, value);
            }
        }

        return request;
    }

    /// <param name="timeout">How long to wait for the answer; null: as long as the caller wants (the event stream).</param>
    private async Task<IFlurlResponse> SendOnceAsync(IFlurlRequest request, HttpMethod method, object? body,
        HttpCompletionOption completion, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }

        try
        {
            return body is null
                ? await request.SendAsync(method, null, completion, deadline.Token)
                : await request.SendJsonAsync(method, body, completion, deadline.Token);
        }
        catch (Exception e) when (e is FlurlHttpException or OperationCanceledException)
        {
            // Flurl wraps a cancellation; the caller's own is no failure of the endpoint.
            cancellationToken.ThrowIfCancellationRequested();
            var why = deadline.IsCancellationRequested
                ? $"no answer within {timeout?.TotalSeconds:0}s"
                : Redact((e.InnerException ?? e).Message);
            throw new EndpointException(ExitCodes.Failure, $"cannot reach the management endpoint at {Endpoint}: {why}", inner: e);
        }
    }

    private async Task ThrowUnlessSuccessAsync(IFlurlResponse response, HttpMethod method, string path)
    {
        if (response.StatusCode is >= 200 and < 300)
        {
            return;
        }

        var text = await response.GetStringAsync();
        var line = Redact(ProblemLine(response.StatusCode, text, $"{method.Method} {path}"));
        throw new EndpointException(EndpointException.ExitCodeOf(response.StatusCode), line, response.StatusCode);
    }

    /// <summary>
    /// One line for a problem+json answer: "title (status): detail", newlines folded; a body that is no problem is
    /// named by its status and what was asked.
    /// </summary>
    internal static string ProblemLine(int status, string body, string request)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                return OneLine(detail is { Length: > 0 } ? $"{title.GetString()} ({status}): {detail}" : $"{title.GetString()} ({status})");
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's page, or no body at all; the status says enough.
        }

        return $"{request} answered {status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    public void Dispose() => _flurl.Dispose();
}
