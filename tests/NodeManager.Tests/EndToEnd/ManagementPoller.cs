using System.Text.Json;

namespace NodeManager.Tests.EndToEnd;

/// <summary>Reads the management endpoint the way an operator's dashboard would, and waits for conditions on it.</summary>
internal sealed class ManagementPoller(HttpClient client)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<JsonElement> GetAsync(string path)
    {
        var text = await client.GetStringAsync(path);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Polls <paramref name="probe"/> (after each read of the endpoint) until it holds; fails with what was last seen.
    /// Polling is the point here: the endpoint is the observable, as it is for an operator.
    /// </summary>
    public async Task UntilAsync(Func<ManagementPoller, Task<bool>> probe, TimeSpan limit, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await probe(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"management endpoint did not reach the expected state within {limit}: {describe()}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
