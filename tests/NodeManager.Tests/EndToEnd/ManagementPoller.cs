using System.Text.Json;

namespace NodeManager.Tests.EndToEnd;

/// <summary>Reads the management endpoint the way an operator's dashboard would, and waits for conditions on it.</summary>
internal sealed class ManagementPoller(HttpClient client)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<JsonElement> GetAsync(string path)
    {
        var text = await client.GetStringAsync(path).WaitAsync(TimeSpan.FromSeconds(30));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Reads the endpoint every <see cref="PollInterval"/> until <paramref name="probe"/> holds; fails with what was last
    /// seen. The probe must test a state that holds once reached (a node Reclaimed, the demand curve over), not a passing
    /// one a poll could miss. Polling is the point here: the endpoint is the observable, as it is for an operator.
    /// </summary>
    public async Task UntilAsync(Func<ManagementPoller, Task<bool>> probe, TimeSpan limit, Func<string> describe)
    {
        using var deadline = new CancellationTokenSource(limit);
        using var poll = new PeriodicTimer(PollInterval);
        while (!await probe(this))
        {
            try
            {
                await poll.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"management endpoint did not reach the expected state within {limit}: {describe()}");
            }
        }
    }
}
