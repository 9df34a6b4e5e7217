using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NodeManager.OpenStack.Errors;

/// <summary>
/// Turns an error response into the typed exception family. Bodies come in three envelopes:
/// nova/cinder <c>{"faultName": {"code", "message"}}</c>, keystone <c>{"error": {"message", "code", "title"}}</c>
/// and designate/glance <c>{"code", "type", "message"}</c>; anything else is kept as text.
/// </summary>
public static partial class ErrorClassifier
{
    private const int MaxTextMessage = 512;

    public static OpenStackException Classify(string call, int status, string? body, string? requestId, TimeSpan? retryAfterHeader)
    {
        var (message, retryAfterBody) = ReadMessage(body);
        if (message.Length == 0)
            message = $"HTTP {status}";
        var retryAfter = retryAfterHeader ?? retryAfterBody;

        if (status is 403 or 413 or 429)
        {
            var resource = QuotaResource(message);
            if (resource is not null)
                return new QuotaExceededException(call, status, message, requestId, resource);
        }
        return status switch
        {
            429 => new RateLimitedException(call, status, message, requestId, retryAfter),
            413 => new RateLimitedException(call, status, message, requestId, retryAfter),
            404 => new NotFoundException(call, message, requestId),
            409 => new ConflictException(call, message, requestId),
            401 => new UnauthorizedException(call, message, requestId),
            >= 500 => new ServerFaultException(call, status, message, requestId),
            _ => new BadRequestException(call, status, message, requestId),
        };
    }

    /// <summary>The quota resource a quota message names, or null when the message is not about a quota.</summary>
    public static string? QuotaResource(string message)
    {
        // nova: "Quota exceeded for cores: Requested 2, but already used 9 of 10 cores"
        var m = NovaQuota().Match(message);
        if (m.Success) return m.Groups[1].Value;
        // cinder: "... exceeds allowed gigabytes quota. ..." / "... exceeded for quota 'volumes'."
        m = CinderSizeQuota().Match(message);
        if (m.Success) return m.Groups[1].Value;
        m = CinderCountQuota().Match(message);
        if (m.Success) return m.Groups[1].Value;
        return message.Contains("quota", StringComparison.OrdinalIgnoreCase) && message.Contains("exceed", StringComparison.OrdinalIgnoreCase)
            ? "unknown"
            : null;
    }

    /// <summary>True when a server fault or an error message says the scheduler found no host: the cloud is full.</summary>
    public static bool IsNoValidHost(string? message) =>
        message is not null && message.Contains("No valid host was found", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses Retry-After: delta-seconds or an HTTP date (relative to <paramref name="now"/>).</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at <= now ? TimeSpan.Zero : at - now;
        return null;
    }

    private static (string Message, TimeSpan? RetryAfter) ReadMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return ("", null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (Truncate(body), null);
            if (TryMessage(root, out var direct)) return (direct, null);
            foreach (var envelope in root.EnumerateObject())
            {
                if (envelope.Value.ValueKind == JsonValueKind.Object && TryMessage(envelope.Value, out var inner))
                {
                    var retry = envelope.Value.TryGetProperty("retryAfter", out var ra) && ra.ValueKind == JsonValueKind.String
                        ? ParseRetryAfter(ra.GetString(), DateTimeOffset.UnixEpoch)
                        : null;
                    return (inner, retry);
                }
            }
            return (Truncate(body), null);
        }
        catch (JsonException)
        {
            return (Truncate(body), null);
        }
    }

    private static bool TryMessage(JsonElement element, out string message)
    {
        message = "";
        if (!element.TryGetProperty("message", out var m) || m.ValueKind != JsonValueKind.String) return false;
        message = m.GetString() ?? "";
        return true;
    }

    private static string Truncate(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxTextMessage ? trimmed : trimmed[..MaxTextMessage] + "…";
    }

    [GeneratedRegex(@"Quota exceeded for (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex NovaQuota();

    [GeneratedRegex(@"exceeds allowed (\w+) quota", RegexOptions.IgnoreCase)]
    private static partial Regex CinderSizeQuota();

    [GeneratedRegex(@"exceeded for quota '(\w+)'", RegexOptions.IgnoreCase)]
    private static partial Regex CinderCountQuota();
}
