using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodeManager.Core.Events;

namespace NodeManager.Management;

/// <summary>
/// <c>GET /events/stream</c>'s answer: server-sent events, each <c>id</c>, <c>event</c> (the kind) and <c>data</c> (the
/// event's JSON on one line); first what the client missed, then each event as it is recorded, with a keep-alive
/// comment while nothing happens. Ends when the client goes or the feed closes (the endpoint is stopping).
/// </summary>
internal sealed class EventStreamResult(EventSubscription subscription, SecretRedactor redactor, TimeSpan keepAlive) : IResult
{
    private static readonly byte[] KeepAliveComment = ": keep-alive\n\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = subscription;
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        var json = new JsonSerializerOptions(httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions)
        {
            WriteIndented = false,
        };
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.StartAsync(aborted);
            foreach (var e in subscription.Replay) await WriteAsync(response, e, json, aborted);
            await response.Body.FlushAsync(aborted);
            await PushAsync(response, json, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: nothing left to answer.
        }
    }

    private async Task PushAsync(HttpResponse response, JsonSerializerOptions json, CancellationToken aborted)
    {
        var live = subscription.Live;
        while (true)
        {
            bool open;
            using (var tick = CancellationTokenSource.CreateLinkedTokenSource(aborted))
            {
                tick.CancelAfter(keepAlive);
                try
                {
                    open = await live.WaitToReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await response.Body.WriteAsync(KeepAliveComment, aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }
            }

            if (!open) return;
            while (live.TryRead(out var e)) await WriteAsync(response, e, json, aborted);
            await response.Body.FlushAsync(aborted);
        }
    }

    private async Task WriteAsync(HttpResponse response, FeedEvent e, JsonSerializerOptions json, CancellationToken aborted)
    {
        var data = JsonSerializer.Serialize(redactor.Redact(e), json);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"id: {e.Id}\nevent: {e.Kind}\ndata: {data}\n\n"), aborted);
    }
}
