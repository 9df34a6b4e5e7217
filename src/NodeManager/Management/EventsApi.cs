using Microsoft.AspNetCore.Http.HttpResults;
using NodeManager.Core.Events;

namespace NodeManager.Management;

/// <summary>
/// <c>GET /events</c> (the kept events, newest first) and <c>GET /events/stream</c> (server-sent events) over the
/// member's <see cref="EventFeed"/>, filtered by district, node and kind.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/events", GetEvents);
        // A stream lasts as long as its client: the request deadline is not for it.
        routes.MapGet("/events/stream", Stream).WithMetadata(NoRequestTimeout.Instance);
        return routes;
    }

    internal static Results<Ok<EventListResponse>, ProblemHttpResult> GetEvents(
        EventFeed feed, SecretRedactor redactor, string? district, string? node, string? kind, string? limit)
    {
        if (EventQuery.Filter(district, node, kind, out var filter) is { } badFilter) return badFilter;
        if (EventQuery.Limit(limit, out var count) is { } badLimit) return badLimit;
        var events = feed.Recent(filter, count).Select(redactor.Redact).ToList();
        return TypedResults.Ok(new EventListResponse(ManagementApi.Version, events));
    }

    internal static IResult Stream(
        HttpRequest request, EventFeed feed, SecretRedactor redactor, ManagementSettings settings, string? district, string? node, string? kind)
    {
        if (EventQuery.Filter(district, node, kind, out var filter) is { } badFilter) return badFilter;
        return new EventStreamResult(feed.Subscribe(filter, EventQuery.LastEventId(request)), redactor, settings.Events.KeepAlive);
    }
}
