using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodeManager.Core.Events;

namespace NodeManager.Management;

/// <summary>The query of <c>/events</c> and <c>/events/stream</c>, checked before the feed is read.</summary>
internal static class EventQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The filter asked for, or the 400 that says which part is wrong. An unknown district is no error: it has no events.</summary>
    public static ProblemHttpResult? Filter(string? district, string? node, string? kind, out FeedFilter filter)
    {
        filter = FeedFilter.All;
        if (district is not null && ResourceName.Validate(district, "district") is { } badDistrict) return badDistrict;
        if (node is not null && ResourceName.Validate(node, "node") is { } badNode) return badNode;
        if (kind is not null && !FeedEventKind.IsKnown(kind))
        {
            return Problems.Problem(StatusCodes.Status400BadRequest, "invalid-kind", "Invalid event kind",
                $"An event kind is one of {string.Join(", ", FeedEventKind.All)}; got '{Shorten(kind)}'.");
        }

        filter = new FeedFilter(district, node, kind);
        return null;
    }

    public static ProblemHttpResult? Limit(string? text, out int limit)
    {
        limit = DefaultLimit;
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit) return null;
        return Problems.Problem(StatusCodes.Status400BadRequest, "invalid-limit", "Invalid limit",
            $"limit is a whole number from 1 to {MaxLimit} (default {DefaultLimit}); got '{Shorten(text)}'.");
    }

    /// <summary>The <c>Last-Event-ID</c> a reconnecting client sends; anything but an event id replays nothing.</summary>
    public static long? LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    // The detail quotes what the client sent, never at a length that floods a log or a terminal.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
