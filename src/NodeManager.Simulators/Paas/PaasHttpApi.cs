using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodeManager.Core.Platform;
using NodeManager.Core.Platform.Adapters;

namespace NodeManager.Simulators.Paas;

/// <summary>
/// The PaaS simulator's routes, in the shapes the product's <c>http</c> capacity source and <c>http</c> platform
/// adapter speak: <c>GET /capacity</c> answers the capacity document; <c>POST /platform/{operation}</c> (or
/// <c>/platform/{caller}/{operation}</c>, which counts the call under that caller's name) takes
/// <c>{district, profile, fqdn, gear, target}</c> and answers 204, <c>{"ready": bool}</c> for node-ready or
/// <c>{"gears": [...]}</c> for list-gears. Every error is <c>application/problem+json</c>. The admin routes under
/// <c>/_admin</c> have no token: keep the simulator on loopback.
/// </summary>
internal static class PaasHttpApi
{
    public const string CapacityPath = "/capacity";
    public const string PlatformPath = "/platform";
    public const string AdminPath = "/_admin";
    private const string ProblemType = "urn:nodemanager:problem:";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app, PaasSimulator simulator, MutationCounter mutations)
    {
        app.MapGet(CapacityPath, async (CancellationToken ct) =>
            Results.Content(CapacityDocumentJson.Write(await simulator.ReadAsync(ct).ConfigureAwait(false)), "application/json", Encoding.UTF8));
        app.MapPost(PlatformPath + "/{operation}", (string operation, HttpContext http) =>
            PlatformAsync(simulator, mutations, MutationCounter.Unnamed, operation, http));
        app.MapPost(PlatformPath + "/{caller}/{operation}", (string caller, string operation, HttpContext http) =>
            PlatformAsync(simulator, mutations, caller, operation, http));

        var admin = app.MapGroup(AdminPath);
        admin.MapGet("/mutations", () => Results.Json(mutations.Snapshot()));
        admin.MapDelete("/mutations", () =>
        {
            mutations.Reset();
            return Results.NoContent();
        });
        admin.MapPost("/districts/{district}/demand", (string district, DemandScale scale) =>
        {
            if (!simulator.Options.Districts.Any(d => d.Name == district))
                return Problem(404, "unknown-district", $"district {district} is not simulated");
            if (scale.Factor is not (>= 0 and <= 1000))
                return Problem(400, "invalid-request", $"factor must be 0..1000, got {scale.Factor}");
            simulator.ScaleDemand(district, scale.Factor);
            return Results.NoContent();
        });

        app.MapFallback((HttpContext http) => Problem(404, "unknown-route", $"{http.Request.Method} {http.Request.Path} is not a route of the PaaS simulator"));
    }

    private static async Task<IResult> PlatformAsync(
        PaasSimulator simulator, MutationCounter mutations, string caller, string operation, HttpContext http)
    {
        if (!PlatformSettings.Operations.Contains(operation))
            return Problem(404, "unknown-operation", $"{operation} is not a platform operation; the operations are {string.Join(", ", PlatformSettings.Operations)}");
        if (!Authorized(simulator.Options.Token, http.Request))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(401, "unauthorized", "the platform routes need the simulator's bearer token (simulators.paas.token)");
        }

        PlatformRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<PlatformRequest>(http.Request.Body, Json, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Problem(400, "invalid-request", $"the body is not a JSON object {{district, profile, fqdn, gear, target}}: {e.Message}");
        }

        if (request is null)
            return Problem(400, "invalid-request", "the body is null; expected {district, profile, fqdn, gear, target}");
        if (request.Invalid(operation) is { } invalid)
            return Problem(400, "invalid-request", invalid);

        mutations.Record(caller, operation);
        var node = new PlatformNode(request.District!, request.Profile!, request.Fqdn!);
        var ct = http.RequestAborted;
        try
        {
            switch (operation)
            {
                case PlatformSettings.NodeReady:
                    return Results.Json(new { ready = await simulator.IsNodeReadyAsync(node, ct).ConfigureAwait(false) });
                case PlatformSettings.ListGears:
                    return Results.Json(new { gears = await simulator.ListGearsAsync(node, ct).ConfigureAwait(false) });
                case PlatformSettings.AddNode:
                    await simulator.AddNodeAsync(node, ct).ConfigureAwait(false);
                    break;
                case PlatformSettings.DeactivateNode:
                    await simulator.DeactivateNodeAsync(node, ct).ConfigureAwait(false);
                    break;
                case PlatformSettings.MoveGear:
                    await simulator.MoveGearAsync(node, request.Gear!, request.Target!, ct).ConfigureAwait(false);
                    break;
                default:
                    await simulator.RemoveNodeAsync(node, ct).ConfigureAwait(false);
                    break;
            }

            return Results.NoContent();
        }
        catch (PlatformException e)
        {
            // The platform refused (an unknown district or node, gears left on a node to remove, a failed move): the
            // request was well formed, the PaaS's state did not allow it.
            return Problem(409, "platform-refused", e.Message);
        }
    }

    private static bool Authorized(string token, HttpRequest request)
    {
        if (token.Length == 0) return true;
        var sent = request.Headers.Authorization.ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes("Bearer " + token));
    }

    private static IResult Problem(int status, string type, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: type.Replace('-', ' '), type: ProblemType + type);

    /// <summary>The body the http platform adapter sends.</summary>
    internal sealed record PlatformRequest(string? District, string? Profile, string? Fqdn, string? Gear, string? Target)
    {
        public string? Invalid(string operation)
        {
            var missing = new List<string>();
            if (string.IsNullOrEmpty(District)) missing.Add("district");
            if (string.IsNullOrEmpty(Profile)) missing.Add("profile");
            if (string.IsNullOrEmpty(Fqdn)) missing.Add("fqdn");
            if (operation == PlatformSettings.MoveGear && string.IsNullOrEmpty(Gear)) missing.Add("gear");
            if (operation == PlatformSettings.MoveGear && string.IsNullOrEmpty(Target)) missing.Add("target");
            return missing.Count == 0 ? null : $"{operation} needs {string.Join(", ", missing)}";
        }
    }

    /// <summary>Multiplies a district's whole demand curve from now on.</summary>
    internal sealed record DemandScale(double Factor);
}
