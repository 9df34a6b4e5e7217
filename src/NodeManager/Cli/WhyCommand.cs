using System.CommandLine;
using NodeManager.Cli.Endpoint;
using NodeManager.Cli.Views;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr why DISTRICT`: why a district is, or is not, scaling: its pause and bounds with their source, its conditions
/// and last decision (<c>GET /districts/{name}</c>), and its recent decisions, conditions and operator actions
/// (<c>GET /events?district=</c>; an endpoint without events still gets the rest).
/// </summary>
public static class WhyCommand
{
    /// <summary>How many of the district's events are asked for; the decisions and conditions among them are shown.</summary>
    public const int EventLimit = 200;

    public static Command Create(CliEnvironment environment)
    {
        var district = new Argument<string>("DISTRICT") { Description = "The district to explain." };
        return OperatorCommand.Create("why", "Why a district is, or is not, scaling, in plain words, with its recent decisions and conditions.",
            environment, parse => (context, ct) => RunAsync(context, parse.GetValue(district)!, ct), district);
    }

    private static async Task<int> RunAsync(OperatorContext context, string name, CancellationToken cancellationToken)
    {
        var district = await context.Client.GetAsync($"districts/{Uri.EscapeDataString(name)}", cancellationToken);
        EndpointAnswer? events = null;
        string? eventsUnavailable = null;
        try
        {
            events = await context.Client.GetAsync("events", cancellationToken,
                ("district", name), ("limit", EventLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (EndpointException e) when (e.Status is not null)
        {
            eventsUnavailable = e.Message;
        }

        if (context.Format == OutputFormat.Json)
        {
            await context.Output.WriteLineAsync(
                $"{{ \"version\": 1,\n\"district\": {district.Body.TrimEnd()},\n\"events\": {events?.Body.TrimEnd() ?? "null"} }}");
            return ExitCodes.Success;
        }

        WhyView.Render(context.Console, district.Read<DistrictEnvelope>("a district").District,
            events?.Read<EventListBody>("an event list").Events, eventsUnavailable);
        return ExitCodes.Success;
    }
}
