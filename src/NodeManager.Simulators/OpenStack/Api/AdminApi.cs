using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>
/// The simulator's admin API (no token; bind the simulator to loopback): <c>GET /_admin/servers|volumes|recordsets|stats</c>,
/// <c>GET|PUT /_admin/quotas</c>, <c>GET|PUT /_admin/modes</c>, <c>GET|DELETE /_admin/faults</c>,
/// <c>PUT|DELETE /_admin/faults/{operation}</c>, <c>POST /_admin/tokens/revoke</c>, <c>GET|DELETE /_admin/mutations</c>.
/// Bodies are camelCase JSON.
/// </summary>
internal static class AdminApi
{
    public const string Prefix = "/_admin";

    public static void Map(IEndpointRouteBuilder app, SimulatorAdmin admin)
    {
        var group = app.MapGroup(Prefix);
        group.MapGet("/servers", () => Results.Json(admin.Servers()));
        group.MapGet("/volumes", () => Results.Json(admin.Volumes()));
        group.MapGet("/recordsets", () => Results.Json(admin.Recordsets()));
        group.MapGet("/stats", () => Results.Json(new { admin.InFlight, admin.MaxInFlight, Calls = admin.AllCalls }));
        group.MapGet("/quotas", () => Results.Json(admin.Quotas));
        group.MapPut("/quotas", (SimulatorQuotas quotas) =>
        {
            admin.Quotas = quotas;
            return Results.Json(admin.Quotas);
        });
        group.MapGet("/modes", () => Results.Json(admin.Modes));
        group.MapPut("/modes", (SimulatorModes modes) =>
        {
            admin.Modes = modes;
            return Results.Json(admin.Modes);
        });
        group.MapGet("/faults", () => Results.Json(admin.Faults));
        group.MapDelete("/faults", () =>
        {
            admin.ClearFaults();
            return Results.NoContent();
        });
        group.MapPut("/faults/{operation}", (string operation, FaultSpec spec) => SetFault(admin, operation, spec));
        group.MapDelete("/faults/{operation}", (string operation) => SetFault(admin, operation, null));
        group.MapGet("/mutations", () => Results.Json(admin.Mutations.Snapshot()));
        group.MapDelete("/mutations", () =>
        {
            admin.Mutations.Reset();
            return Results.NoContent();
        });
        group.MapPost("/tokens/revoke", () =>
        {
            admin.RevokeTokens();
            return Results.NoContent();
        });
    }

    private static IResult SetFault(SimulatorAdmin admin, string operation, FaultSpec? spec)
    {
        try
        {
            admin.SetFault(operation, spec);
            return Results.Json(admin.Faults);
        }
        catch (ArgumentException e)
        {
            return Results.Problem(title: "unknown operation", detail: e.Message, statusCode: 404);
        }
    }
}
