namespace NodeManager.Tests.Support;

/// <summary>Waits, with a deadline, for an HTTP answer a test expects from a process it started.</summary>
internal static class HttpCondition
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// GETs <paramref name="url"/> every <see cref="PollInterval"/> until <paramref name="accept"/> holds; a refused or
    /// timed-out request counts as not yet. Fails when <paramref name="limit"/> passes or as soon as
    /// <paramref name="gone"/> completes (the process exited and closed its output) with the reason, with
    /// <paramref name="describe"/>'s text (the process's output) and the last answer or error. Polling is the point:
    /// the endpoint is the observable.
    /// </summary>
    public static async Task UntilAsync(Uri url, Func<HttpResponseMessage, bool> accept, TimeSpan limit, Task<string> gone, Func<string> describe)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(limit);
        using var poll = new PeriodicTimer(PollInterval);
        var last = "no answer yet";
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(url, deadline.Token);
                if (accept(response))
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(deadline.Token)}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !deadline.IsCancellationRequested)
            {
                last = e.Message;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // The deadline passed during the request; reported below.
            }

            if (gone.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException($"GET {url}: gave up, {gone.Result}; last: {last}\n{describe()}");
            }

            try
            {
                await poll.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"GET {url} did not answer as expected within {limit}; last: {last}\n{describe()}");
            }
        }
    }
}
