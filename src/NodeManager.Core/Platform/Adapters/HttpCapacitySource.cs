namespace NodeManager.Core.Platform.Adapters;

/// <summary>GETs the capacity document from a URL, within the source's timeout.</summary>
public sealed class HttpCapacitySource(HttpClient http, Uri url, TimeSpan timeout, TimeProvider time) : ICapacitySource
{
    public async Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken)
    {
        var operation = $"capacity GET {url}";
        var body = await HttpCalls.SendAsync(http, operation, () => new HttpRequestMessage(HttpMethod.Get, url), timeout, time, cancellationToken)
            .ConfigureAwait(false);
        return CapacityDocumentJson.Parse(body, operation);
    }
}
