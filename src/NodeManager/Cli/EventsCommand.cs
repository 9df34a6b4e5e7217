using System.CommandLine;
using System.Globalization;
using NodeManager.Cli.Endpoint;
using NodeManager.Cli.Views;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr events [--district D] [--node N] [--kind K] [--limit L] [--follow]`: the recent events, oldest first, one line
/// each (<c>GET /events</c>); with <c>--follow</c> the live stream (<c>GET /events/stream</c>) until Ctrl-C, reconnecting
/// through <see cref="EventFollower"/>. With <c>--output json</c> the list's body as it came, or each streamed event's JSON on its own line.
/// </summary>
public static class EventsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var district = new Option<string?>("--district", "-d") { Description = "Only this district's events." };
        var node = new Option<string?>("--node", "-n") { Description = "Only this node's events (its host name)." };
        var kind = new Option<string?>("--kind", "-k") { Description = "Only events of this kind: node, decision, condition or operator." };
        kind.AcceptOnlyFromAmong("node", "decision", "condition", "operator");
        var limit = new Option<int?>("--limit") { Description = "At most this many events (the endpoint's default 100, at most 1000); not with --follow." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Print events as they happen until Ctrl-C; reconnects when the stream drops." };
        var command = OperatorCommand.Create("events", "Recent lifecycle transitions, decisions, conditions and operator actions; --follow streams them.",
            environment,
            parse => (context, ct) =>
            {
                (string, string?)[] query = [("district", parse.GetValue(district)), ("node", parse.GetValue(node)), ("kind", parse.GetValue(kind))];
                return parse.GetValue(follow)
                    ? FollowAsync(context, query, ct)
                    : ListAsync(context, [.. query, ("limit", parse.GetValue(limit)?.ToString(CultureInfo.InvariantCulture))], ct);
            },
            district, node, kind, limit, follow);
        command.Validators.Add(result =>
        {
            if (result.GetValue(follow) && result.GetValue(limit) is not null)
            {
                result.AddError("--limit applies to the list, not to --follow");
            }
        });
        return command;
    }

    private static async Task<int> ListAsync(OperatorContext context, (string, string?)[] query, CancellationToken cancellationToken)
    {
        var answer = await context.Client.GetAsync("events", cancellationToken, query);
        if (context.Format == OutputFormat.Json)
        {
            await context.PrintJsonAsync(answer);
            return ExitCodes.Success;
        }

        var events = answer.Read<EventListBody>("an event list").Events;
        if (events.Count == 0)
        {
            await context.Output.WriteLineAsync("No events.");
        }

        // Oldest first, like a log, and like --follow continues it.
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            await context.Output.WriteLineAsync(EventLine.Format(e));
        }

        return ExitCodes.Success;
    }

    private static async Task<int> FollowAsync(OperatorContext context, (string, string?)[] query, CancellationToken cancellationToken)
    {
        var follower = new EventFollower(context.Client, Task.Delay);
        await follower.FollowAsync(
            query,
            async e =>
            {
                await context.Output.WriteLineAsync(context.Format == OutputFormat.Json
                    ? e.Data
                    : EventLine.Format(new EndpointAnswer(200, e.Data).Read<EventBody>("an event")));
                await context.Output.FlushAsync(cancellationToken);
            },
            (why, lastEventId) => context.Error.WriteLineAsync(
                $"nodemgr events: {why}; reconnecting{(lastEventId is null ? "" : $" after event {lastEventId}")}"),
            cancellationToken);
        return ExitCodes.Success;
    }
}
