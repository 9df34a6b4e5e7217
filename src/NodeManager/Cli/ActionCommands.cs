using System.CommandLine;
using NodeManager.Cli.Endpoint;
using NodeManager.Cli.Views;

namespace NodeManager.Cli;

/// <summary>
/// One command per operator action of the management endpoint: `drain`, `protect`, `unprotect`, `retry`, `forget` NODE;
/// `pause`, `resume`, `scale-now`, `bounds` DISTRICT. Each sends the token and an optional <c>--reason</c>, and prints what
/// the endpoint did (or, with <c>--output json</c>, its answer as it came). Repeating an action is harmless.
/// </summary>
public static class ActionCommands
{
    private sealed record Action(string Name, string Description, string Collection, string Route);

    private static readonly Action[] Simple =
    [
        new("drain", "Drains an Active node: no new gears, its gears moved off, then it is given back.", "nodes", "drain"),
        new("protect", "Protects a node from scale-in until unprotected.", "nodes", "protect"),
        new("unprotect", "Removes the operator's protection of a node (a protection in the configuration file stays).", "nodes", "unprotect"),
        new("retry", "Launches a Failed node again.", "nodes", "retry"),
        new("forget", "Forgets a Failed node: it leaves the node list.", "nodes", "forget"),
        new("pause", "Pauses a district's scaling until resumed.", "districts", "pause"),
        new("resume", "Resumes a district's scaling.", "districts", "resume"),
        new("scale-now", "Evaluates a district now instead of at the next capacity interval.", "districts", "scale-now"),
    ];

    public static IEnumerable<Command> Create(CliEnvironment environment)
    {
        foreach (var action in Simple)
        {
            var target = Target(action.Collection);
            var reason = Reason();
            yield return OperatorCommand.Create(action.Name, action.Description, environment,
                parse => (context, ct) => SendAsync(context, HttpMethod.Post,
                    $"{action.Collection}/{Uri.EscapeDataString(parse.GetValue(target)!)}/{action.Route}", Body(parse.GetValue(reason)), ct),
                target, reason);
        }

        yield return Bounds(environment);
    }

    /// <summary>`bounds DISTRICT --min N --max M` sets run-time bounds (PUT); `bounds DISTRICT --clear` goes back to the file's (DELETE).</summary>
    private static Command Bounds(CliEnvironment environment)
    {
        var target = Target("districts");
        var reason = Reason();
        var min = new Option<int?>("--min") { Description = "The fewest nodes the district keeps." };
        var max = new Option<int?>("--max") { Description = "The most nodes the district may have." };
        var clear = new Option<bool>("--clear") { Description = "Drops the run-time bounds: the configuration file's apply again." };
        var command = OperatorCommand.Create("bounds", "Sets a district's minimum and maximum number of nodes at run time, or clears them.",
            environment,
            parse => (context, ct) =>
            {
                var path = $"districts/{Uri.EscapeDataString(parse.GetValue(target)!)}/bounds";
                var body = Body(parse.GetValue(reason));
                if (parse.GetValue(clear))
                {
                    return SendAsync(context, HttpMethod.Delete, path, body, ct);
                }

                body["min"] = parse.GetValue(min);
                body["max"] = parse.GetValue(max);
                return SendAsync(context, HttpMethod.Put, path, body, ct);
            },
            target, min, max, clear, reason);
        command.Validators.Add(result =>
        {
            var given = result.GetValue(min) is not null || result.GetValue(max) is not null;
            if (result.GetValue(clear) && given)
            {
                result.AddError("bounds: give --min and --max, or --clear, not both");
            }
            else if (!result.GetValue(clear) && (result.GetValue(min) is null || result.GetValue(max) is null))
            {
                result.AddError("bounds: give both --min and --max (or --clear)");
            }
        });
        return command;
    }

    private static async Task<int> SendAsync(
        OperatorContext context, HttpMethod method, string path, Dictionary<string, object?> body, CancellationToken cancellationToken)
    {
        var answer = await context.Client.ActAsync(method, path, body, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            await context.PrintJsonAsync(answer);
        }
        else
        {
            await context.Output.WriteLineAsync(ActionView.Line(answer.Read<ActionResultBody>("an action's result")));
        }

        return ExitCodes.Success;
    }

    // Every action's body is a JSON object, empty but for what the operator gave: the endpoint reads it the same way each time.
    private static Dictionary<string, object?> Body(string? reason) =>
        reason is { Length: > 0 } ? new() { ["reason"] = reason } : [];

    private static Argument<string> Target(string collection) => collection == "nodes"
        ? new Argument<string>("NODE") { Description = "The node's host name or server name." }
        : new Argument<string>("DISTRICT") { Description = "The district's name." };

    private static Option<string?> Reason() => new("--reason", "-r") { Description = "Why, kept with the action in the journal and the events." };
}
