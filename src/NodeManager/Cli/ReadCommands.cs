using System.CommandLine;
using NodeManager.Cli.Endpoint;
using NodeManager.Cli.Views;

namespace NodeManager.Cli;

/// <summary>
/// The read-only operator commands: `status`, `districts`, `nodes`, `node NAME`. Each GETs the endpoint's read routes
/// (open, no token) and prints tables, or with <c>--output json</c> the body as it came.
/// </summary>
public static class ReadCommands
{
    public static IEnumerable<Command> Create(CliEnvironment environment)
    {
        yield return OperatorCommand.Create("status",
            "The cluster's members, then every district with its nodes by state, conditions and last decision.",
            environment, _ => StatusAsync);
        yield return OperatorCommand.Create("districts",
            "Every district: nodes by state, usage, bounds and pause (and where each comes from), conditions, last decision.",
            environment, _ => DistrictsAsync);

        var district = new Option<string?>("--district", "-d") { Description = "Only this district's nodes." };
        var state = new Option<string?>("--state", "-s") { Description = "Only nodes in this state (e.g. Active, Draining, Failed)." };
        yield return OperatorCommand.Create("nodes", "Every node (or those of --district and --state) with its state, gears and protection.",
            environment, parse => (context, ct) => NodesAsync(context, parse.GetValue(district), parse.GetValue(state), ct), district, state);

        var name = new Argument<string>("NAME") { Description = "The node's host name, server name or launch id." };
        yield return OperatorCommand.Create("node", "One node: its fields, its history and its district's last decision.",
            environment, parse => (context, ct) => NodeAsync(context, parse.GetValue(name)!, ct), name);
    }

    private static async Task<int> StatusAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        // The members first: the route answers 503 until the member's actor system runs, and the districts are worth showing even then.
        EndpointAnswer? members = null;
        string? membersUnavailable = null;
        try
        {
            members = await context.Client.GetAsync("cluster/members", cancellationToken);
        }
        catch (EndpointException e) when (e.Status is not null)
        {
            membersUnavailable = e.Message;
        }

        var districts = await context.Client.GetAsync("districts", cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            // The two bodies as they came, side by side in one document.
            await context.Output.WriteLineAsync(
                $"{{ \"version\": 1,\n\"members\": {members?.Body.TrimEnd() ?? "null"},\n\"districts\": {districts.Body.TrimEnd()} }}");
            return ExitCodes.Success;
        }

        StatusView.Render(context.Console, members?.Read<MembersBody>("a member list"), membersUnavailable,
            districts.Read<DistrictListBody>("a district list").Districts);
        return ExitCodes.Success;
    }

    private static async Task<int> DistrictsAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var answer = await context.Client.GetAsync("districts", cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            await context.PrintJsonAsync(answer);
        }
        else
        {
            DistrictsView.Render(context.Console, answer.Read<DistrictListBody>("a district list").Districts);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> NodesAsync(OperatorContext context, string? district, string? state, CancellationToken cancellationToken)
    {
        var answer = await context.Client.GetAsync("nodes", cancellationToken, ("district", district), ("state", state));
        if (context.Format == OutputFormat.Json)
        {
            await context.PrintJsonAsync(answer);
        }
        else
        {
            NodesView.Render(context.Console, answer.Read<NodeListBody>("a node list").Nodes);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> NodeAsync(OperatorContext context, string name, CancellationToken cancellationToken)
    {
        var answer = await context.Client.GetAsync($"nodes/{Uri.EscapeDataString(name)}", cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            await context.PrintJsonAsync(answer);
        }
        else
        {
            NodesView.RenderOne(context.Console, answer.Read<NodeEnvelope>("a node"));
        }

        return ExitCodes.Success;
    }
}
