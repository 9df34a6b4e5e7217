using System.Net;
using System.Text;

namespace NodeManager.OpenStack.Tests.Support;

/// <summary>An HTTP handler that answers from a function and records every request with its body.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, string?, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, Uri Uri, string? Body, Dictionary<string, string> Headers)> _requests = [];

    public IReadOnlyList<(HttpMethod Method, Uri Uri, string? Body, Dictionary<string, string> Headers)> Requests
    {
        get
        {
            lock (_requests) return _requests.ToList();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (_requests) _requests.Add((request.Method, request.RequestUri!, body, headers));
        return answer(request, body);
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
