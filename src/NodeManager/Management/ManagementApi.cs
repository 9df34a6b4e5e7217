using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodeManager.Core.Status;

namespace NodeManager.Management;

/// <summary>
/// The read-only management API (v1): health, cluster members, districts and nodes. Each group returns typed results so the
/// possible answers of a route are visible in its signature; every error is problem+json.
/// </summary>
public static class ManagementApi
{
    /// <summary>The version carried in every response body; bumped only by an incompatible change of shape.</summary>
    public const int Version = 1;

    /// <summary>
    /// The tag of the health checks <c>/alive</c> runs; Akka.Hosting's <c>WithActorSystemLivenessCheck</c> gives its
    /// actor-system check this tag.
    /// </summary>
    public const string LivenessTag = "liveness";

    /// <summary>The tag of the health checks <c>/ready</c> runs besides the controller's own reasons (the shared journal's).</summary>
    public const string ReadinessTag = "readiness";

    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/alive", Alive);
        routes.MapGet("/ready", Ready);
        routes.MapGet("/cluster/members", (ClusterMembersSlot members) => TypedResults.Ok(members.Read()));

        var districts = routes.MapGroup("/districts");
        districts.MapGet("/", GetDistricts);
        districts.MapGet("/{name}", GetDistrict);

        var nodes = routes.MapGroup("/nodes");
        nodes.MapGet("/", GetNodes);
        nodes.MapGet("/{name}", GetNode);
        return routes;
    }

    internal static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Alive(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(LivenessTag), cancellationToken);
        var failed = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).ToList();
        return failed.Count == 0
            ? TypedResults.Ok(new HealthResponse(Version, "alive"))
            : Problems.NotAlive(string.Join("; ", failed.Select(e => $"{e.Key} ({e.Value.Description})")));
    }

    internal static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(
        IControllerStatus status, HealthCheckService health, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadinessTag), cancellationToken);
        var failed = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}");
        var reasons = status.NotReadyReasons.Concat(failed).ToList();
        return reasons.Count > 0
            ? Problems.NotReady([.. reasons.Select(r => redactor.Redact(r)!)])
            : TypedResults.Ok(new HealthResponse(Version, "ready"));
    }

    internal static async Task<Ok<DistrictListResponse>> GetDistricts(
        IControllerStatus status, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var districts = await status.GetDistrictsAsync(cancellationToken);
        return TypedResults.Ok(new DistrictListResponse(Version, districts.Select(redactor.Redact).ToList()));
    }

    internal static async Task<Results<Ok<DistrictResponse>, ProblemHttpResult>> GetDistrict(
        string name, IControllerStatus status, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        if (ResourceName.Validate(name, "district") is { } invalid)
        {
            return invalid;
        }

        var district = await status.GetDistrictAsync(name, cancellationToken);
        return district is null
            ? Problems.UnknownDistrict(name)
            : TypedResults.Ok(new DistrictResponse(Version, redactor.Redact(district)));
    }

    internal static async Task<Results<Ok<NodeListResponse>, ProblemHttpResult>> GetNodes(
        IControllerStatus status, SecretRedactor redactor, string? district, string? state, CancellationToken cancellationToken)
    {
        if (district is not null && ResourceName.Validate(district, "district") is { } invalidDistrict)
        {
            return invalidDistrict;
        }

        if (state is not null && ResourceName.Validate(state, "state") is { } invalidState)
        {
            return invalidState;
        }

        // A district nobody knows is a wrong question, not a district without nodes.
        if (district is not null && await status.GetDistrictAsync(district, cancellationToken) is null)
        {
            return Problems.UnknownDistrict(district);
        }

        var nodes = await status.GetNodesAsync(cancellationToken);
        var selected = nodes
            .Where(n => district is null || string.Equals(n.District, district, StringComparison.Ordinal))
            .Where(n => state is null || string.Equals(n.State, state, StringComparison.OrdinalIgnoreCase))
            .Select(redactor.Redact)
            .ToList();
        return TypedResults.Ok(new NodeListResponse(Version, selected));
    }

    internal static async Task<Results<Ok<NodeResponse>, ProblemHttpResult>> GetNode(
        string name, IControllerStatus status, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        if (ResourceName.Validate(name, "node") is { } invalid)
        {
            return invalid;
        }

        var node = await status.GetNodeAsync(name, cancellationToken);
        if (node is null)
        {
            return Problems.UnknownNode(name);
        }

        // The node's own last decision when the controller keeps one, and always its district's: "why is it
        // (not) being drained" is usually a district-level answer.
        var district = await status.GetDistrictAsync(node.District, cancellationToken);
        return TypedResults.Ok(new NodeResponse(
            Version, redactor.Redact(node), district?.LastDecision is { } decision ? redactor.Redact(decision) : null));
    }
}
