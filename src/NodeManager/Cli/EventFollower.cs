using NodeManager.Cli.Endpoint;

namespace NodeManager.Cli;

/// <summary>
/// Follows <c>GET /events/stream</c> until cancelled. When the stream ends or breaks it reconnects with the last event id
/// it saw (<c>Last-Event-ID</c>), so that the endpoint replays what was missed: at once after a stream that delivered
/// events, else after a doubling delay; it gives up after <see cref="MaxAttempts"/> connections in a row that delivered nothing.
/// </summary>
public sealed class EventFollower(ManagementClient client, Func<TimeSpan, CancellationToken, Task> delay)
{
    public const int MaxAttempts = 5;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Hands each event to <paramref name="onEvent"/>; returns when <paramref name="cancellationToken"/> is cancelled, or
    /// throws when the endpoint refuses the stream or it stays lost.
    /// </summary>
    /// <param name="onReconnect">Told why the stream was lost and the last event id seen, before each reconnection.</param>
    /// <exception cref="EndpointException">The endpoint answered an error, or <see cref="MaxAttempts"/> connections in a row delivered nothing.</exception>
    public async Task FollowAsync(
        (string Name, string? Value)[] query, Func<ServerSentEvent, Task> onEvent, Func<string, string?, Task> onReconnect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        ArgumentNullException.ThrowIfNull(onReconnect);
        string? lastEventId = null;
        var fruitless = 0;
        while (true)
        {
            string? lost;
            var delivered = false;
            try
            {
                await foreach (var e in client.StreamAsync("events/stream", lastEventId, cancellationToken, query))
                {
                    delivered = true;
                    lastEventId = e.Id ?? lastEventId;
                    await onEvent(e);
                }

                lost = "the endpoint ended the stream";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (EndpointException e) when (e.Status is null)
            {
                lost = e.Message;
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                lost = $"the stream broke: {client.Redact(e.Message)}";
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            fruitless = delivered ? 0 : fruitless + 1;
            if (fruitless >= MaxAttempts)
            {
                throw new EndpointException(ExitCodes.Failure, $"{lost}; gave up after {MaxAttempts} attempts in a row without an event");
            }

            await onReconnect(lost, lastEventId);
            if (fruitless > 0)
            {
                try
                {
                    await delay(Backoff(fruitless), cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>1s, 2s, 4s… up to <see cref="MaxDelay"/> after the <paramref name="fruitless"/>-th connection in a row without an event.</summary>
    public static TimeSpan Backoff(int fruitless) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(fruitless - 1, 16)));
}
