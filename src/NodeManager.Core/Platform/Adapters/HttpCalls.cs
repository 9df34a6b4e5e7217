namespace NodeManager.Core.Platform.Adapters;

/// <summary>One HTTP exchange with a deadline; failures become <see cref="PlatformException"/> naming the operation and status.</summary>
internal static class HttpCalls
{
    public static async Task<string> SendAsync(
        HttpClient http, string operation, Func<HttpRequestMessage> request, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? body
                : throw new PlatformException(operation, $"HTTP {(int)response.StatusCode}: {(body.Length > 2000 ? body[..2000] : body)}", (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlatformException(operation, $"no answer within {timeout}", timedOut: true);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformException(operation, e.Message, innerException: e);
        }
    }
}
