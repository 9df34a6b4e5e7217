using System.Text;
using System.Text.Json.Nodes;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace NodeManager.OpenStack.Http;

/// <summary>
/// Sends one logical call: per-cloud limiter, per-attempt timeout, bounded retries with exponential
/// back-off and jitter for transient failures (5xx, timeouts, rate limits; never other 4xx), honouring
/// Retry-After; maps error answers to the typed family. All waiting uses the injected TimeProvider.
/// A POST is retried only when the cloud said it was rate limited, because a POST that timed out or
/// failed with 5xx may still have created something (the ICloud adapter finds such leftovers by name).
/// </summary>
internal sealed class OpenStackTransport : IDisposable
{
    private const string RequestIdHeader = "x-openstack-request-id";

    /// <summary>
    /// Sent with every request, e.g. <c>NodeManager/1.0.0 (broker1; pid 4242)</c>: the cloud's API logs then say which
    /// member (host and process) made a call, as python-openstackclient's agent says which tool did.
    /// </summary>
    public static readonly string UserAgent =
        $"NodeManager/{typeof(OpenStackTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} ({Environment.MachineName}; pid {Environment.ProcessId})";
    private static readonly ResiliencePropertyKey<bool> RetryAnyTransient = new("nm.retry-any-transient");

    private readonly IFlurlClient _flurl;
    private readonly RequestLimiter _limiter;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly TimeSpan _callTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public OpenStackTransport(OpenStackSettings settings, HttpMessageHandler handler, TimeProvider time, ILogger log, Func<double>? jitter = null)
    {
        _time = time;
        _log = log;
        _callTimeout = settings.CallTimeout;
        // Flurl's and HttpClient's own timeouts are off: the Polly timeout below runs on the injected clock.
        // Every status comes back as a response, because ErrorClassifier, not Flurl, turns the error ones into exceptions.
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _flurl = new FlurlClient(http)
            .WithSettings(s =>
            {
                s.Timeout = null;
                s.AllowedHttpStatusRange = "*";
            })
            .WithHeader("Accept", "application/json")
            .WithHeader("User-Agent", UserAgent);
        _limiter = new RequestLimiter(settings.MaxConcurrency, settings.RequestInterval, time);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.CallTimeout })
            .Build();
        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(settings.MaxRetries, 0),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.RetryInitialDelay,
            MaxDelay = settings.RetryMaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context, settings.MaxRetryAfter)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is RateLimitedException { RetryAfter: { } after } ? after : (TimeSpan?)null),
            OnRetry = args =>
            {
                var call = args.Outcome.Exception is OpenStackException e ? e.Call : "call";
                TransportLog.Retrying(_log, call, args.Outcome.Exception?.GetType().Name ?? "?", args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        };
        if (settings.MaxRetries > 0 && jitter is not null) retry.Randomizer = jitter;
        _retry = settings.MaxRetries > 0
            ? new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(retry).Build()
            : ResiliencePipeline.Empty;
    }

    /// <param name="idempotent">Whether a timeout or 5xx may be retried; by default every method but POST.</param>
    /// <param name="operation">What the request is, for <see cref="OpenStackMetrics"/>; by default only its method.</param>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string url, JsonNode? body,
        IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken ct, bool? idempotent = null, CloudOperation? operation = null)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(RetryAnyTransient, idempotent ?? method != HttpMethod.Post);
        var named = operation ?? CloudOperation.Unnamed(method);
        try
        {
            return await _retry.ExecuteAsync(
                static async (ctx, state) => await state.self.AttemptAsync(state.method, state.url, state.body, state.headers, state.named, ctx.CancellationToken)
                    .ConfigureAwait(false),
                context, (self: this, method, url, body, headers, named)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool ShouldRetry(Exception? error, ResilienceContext context, TimeSpan maxRetryAfter) => error switch
    {
        RateLimitedException { RetryAfter: { } after } => after <= maxRetryAfter,
        RateLimitedException => true,
        OpenStackException { IsTransient: true } => context.Properties.GetValue(RetryAnyTransient, false),
        _ => false,
    };

    /// <summary>One request; its outcome is logged and measured (<see cref="OpenStackMetrics"/>) at the same points.</summary>
    private async Task<ApiResponse> AttemptAsync(HttpMethod method, string url, JsonNode? body,
        IReadOnlyList<KeyValuePair<string, string>> headers, CloudOperation operation, CancellationToken ct)
    {
        var path = PathOf(url);
        var call = $"{method.Method} {path}";
        using var slot = await _limiter.AcquireAsync(ct).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        IFlurlResponse response;
        try
        {
            response = await _timeout.ExecuteAsync(
                static async (state, token) => await state.self.SendOnceAsync(state.method, state.url, state.body, state.headers, token).ConfigureAwait(false),
                (self: this, method, url, body, headers), ct).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            var elapsed = _time.GetElapsedTime(started);
            TransportLog.Failed(_log, method.Method, path, 0, elapsed.TotalMilliseconds, null, "timeout");
            OpenStackMetrics.Record(operation.Service, operation.Name, OpenStackMetrics.Timeout, elapsed);
            throw new OpenStackTimeoutException(call, _callTimeout, e);
        }
        catch (FlurlHttpException e) when (!ct.IsCancellationRequested)
        {
            var elapsed = _time.GetElapsedTime(started);
            TransportLog.Failed(_log, method.Method, path, 0, elapsed.TotalMilliseconds, null, e.InnerException?.Message ?? e.Message);
            OpenStackMetrics.Record(operation.Service, operation.Name, OpenStackMetrics.NoResponse, elapsed);
            throw new ServerFaultException(call, 0, $"no response: {e.InnerException?.Message ?? e.Message}", null, e);
        }

        using (response)
        {
            var status = response.StatusCode;
            var requestId = response.Headers.FirstOrDefault(RequestIdHeader);
            // Already buffered: the call completes on ResponseContentRead.
            var payload = await response.GetBytesAsync().ConfigureAwait(false);
            var took = _time.GetElapsedTime(started);
            var elapsed = took.TotalMilliseconds;
            OpenStackMetrics.Record(operation.Service, operation.Name, StatusText(status), took);
            if (status is >= 200 and < 300)
            {
                TransportLog.Completed(_log, method.Method, path, status, elapsed, requestId);
                return new ApiResponse(status, payload, response.ResponseMessage.Headers, requestId);
            }
            var retryAfter = ErrorClassifier.ParseRetryAfter(response.Headers.FirstOrDefault("Retry-After"), _time.GetUtcNow());
            var error = ErrorClassifier.Classify(call, status, Encoding.UTF8.GetString(payload), requestId, retryAfter);
            if (status == 404)
                TransportLog.NotFound(_log, method.Method, path, elapsed, requestId, error.CloudMessage);
            else
                TransportLog.Failed(_log, method.Method, path, status, elapsed, requestId, error.CloudMessage);
            throw error;
        }
    }

    private async Task<IFlurlResponse> SendOnceAsync(HttpMethod method, string url, JsonNode? body,
        IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken token)
    {
        var request = _flurl.Request(url);
        foreach (var (name, value) in headers)
            request.WithHeader(name, value);
        try
        {
            return body is null
                ? await request.SendAsync(method, null, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false)
                : await request.SendJsonAsync(method, body, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
        }
        catch (FlurlHttpException e) when (token.IsCancellationRequested)
        {
            // Flurl wraps cancellation; Polly's timeout only recognises a bare OperationCanceledException.
            throw new OperationCanceledException("cancelled", e, token);
        }
    }

    // The usual codes without a string per request.
    private static string StatusText(int status) => status switch
    {
        200 => "200",
        201 => "201",
        202 => "202",
        204 => "204",
        404 => "404",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The path of an absolute URL without its query: what logs and errors name (a query may carry names, never secrets, but is noise).</summary>
    internal static string PathOf(string url)
    {
        var authority = url.IndexOf("://", StringComparison.Ordinal);
        var start = url.IndexOf('/', authority < 0 ? 0 : authority + 3);
        if (start < 0) return "/";
        var query = url.IndexOf('?', start);
        return query < 0 ? url[start..] : url[start..query];
    }

    public void Dispose()
    {
        _flurl.Dispose();
        _limiter.Dispose();
    }
}
