using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Designate v2 under <c>/dns/v2</c>: zone lookup and recordsets.</summary>
internal static class DesignateApi
{
    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        var dns = app.MapGroup("/dns/v2");
        var state = sim.State;
        const ErrorStyle style = ErrorStyle.Designate;

        dns.MapGet("/zones", (HttpContext http) =>
        {
            var zones = state.Zones(http.Request.Query["name"].FirstOrDefault());
            return SimHttp.Json(new JsonObject
            {
                ["zones"] = new JsonArray(zones.Select(z => (JsonNode?)Zone(z, http, state.Options.ProjectId)).ToArray()),
                ["links"] = new JsonObject { ["self"] = $"{SimHttp.BaseUrl(http.Request)}/dns/v2/zones" },
                ["metadata"] = new JsonObject { ["total_count"] = zones.Count },
            });
        }).Op(sim, SimulatorOps.ZoneList, style);

        dns.MapPost("/zones/{zoneId}/recordsets", async (HttpContext http, string zoneId) =>
        {
            var body = await SimHttp.BodyAsync(http.Request);
            var name = SimHttp.Str(body["name"]) ?? throw new DesignateBadRequestException("invalid_object", "'name' is a required property");
            var type = SimHttp.Str(body["type"]) ?? throw new DesignateBadRequestException("invalid_object", "'type' is a required property");
            var records = body["records"] is JsonArray r ? r.Select(SimHttp.Str).OfType<string>().ToList() : [];
            int? ttl = body["ttl"] is JsonValue t && t.TryGetValue<int>(out var seconds) ? seconds : null;
            var recordset = state.CreateRecordset(zoneId, name, type, records, ttl, SimHttp.Str(body["description"]));
            return SimHttp.Json(Recordset(recordset, http, state.Options.ProjectId, "PENDING", "CREATE"), 202);
        }).Op(sim, SimulatorOps.RecordsetCreate, style);

        dns.MapGet("/zones/{zoneId}/recordsets", (HttpContext http, string zoneId) =>
        {
            state.Zone(zoneId);
            var found = state.Read(_ => state.Recordsets(zoneId, http.Request.Query["name"].FirstOrDefault(), http.Request.Query["type"].FirstOrDefault()));
            return SimHttp.Json(new JsonObject
            {
                ["recordsets"] = new JsonArray(found.Select(r => (JsonNode?)Recordset(r, http, state.Options.ProjectId, "ACTIVE", "NONE")).ToArray()),
                ["links"] = new JsonObject { ["self"] = $"{SimHttp.BaseUrl(http.Request)}/dns/v2/zones/{zoneId}/recordsets" },
                ["metadata"] = new JsonObject { ["total_count"] = found.Count },
            });
        }).Op(sim, SimulatorOps.RecordsetList, style);

        dns.MapGet("/zones/{zoneId}/recordsets/{id}", (HttpContext http, string zoneId, string id) =>
            SimHttp.Json(Recordset(state.Read(_ => state.Recordset(zoneId, id)), http, state.Options.ProjectId, "ACTIVE", "NONE")))
            .Op(sim, SimulatorOps.RecordsetGet, style);

        dns.MapPut("/zones/{zoneId}/recordsets/{id}", async (HttpContext http, string zoneId, string id) =>
        {
            var body = await SimHttp.BodyAsync(http.Request);
            var records = body["records"] is JsonArray r ? r.Select(SimHttp.Str).OfType<string>().ToList() : null;
            return SimHttp.Json(Recordset(state.UpdateRecordset(zoneId, id, records), http, state.Options.ProjectId, "PENDING", "UPDATE"), 202);
        }).Op(sim, SimulatorOps.RecordsetUpdate, style);

        dns.MapDelete("/zones/{zoneId}/recordsets/{id}", (HttpContext http, string zoneId, string id) =>
            SimHttp.Json(Recordset(state.DeleteRecordset(zoneId, id), http, state.Options.ProjectId, "PENDING", "DELETE"), 202))
            .Op(sim, SimulatorOps.RecordsetDelete, style);
    }

    private static JsonObject Zone(SimZone z, HttpContext http, string projectId) => new()
    {
        ["id"] = z.Id,
        ["pool_id"] = "794ccc2c-d751-44fe-b57f-8894c9f5c842",
        ["project_id"] = projectId,
        ["name"] = z.Name,
        ["email"] = "hostmaster@" + z.Name.TrimEnd('.'),
        ["ttl"] = 3600,
        ["serial"] = 1404757531,
        ["status"] = "ACTIVE",
        ["action"] = "NONE",
        ["description"] = null,
        ["masters"] = new JsonArray(),
        ["type"] = "PRIMARY",
        ["transferred_at"] = null,
        ["version"] = 1,
        ["created_at"] = "2014-07-07T18:25:31.275934",
        ["updated_at"] = null,
        ["links"] = new JsonObject { ["self"] = $"{SimHttp.BaseUrl(http.Request)}/dns/v2/zones/{z.Id}" },
    };

    private static JsonObject Recordset(SimRecordset r, HttpContext http, string projectId, string status, string action) => new()
    {
        ["description"] = r.Description,
        ["links"] = new JsonObject { ["self"] = $"{SimHttp.BaseUrl(http.Request)}/dns/v2/zones/{r.Zone.Id}/recordsets/{r.Id}" },
        ["updated_at"] = null,
        ["records"] = new JsonArray(r.Records.Select(x => (JsonNode?)x).ToArray()),
        ["ttl"] = r.Ttl,
        ["id"] = r.Id,
        ["name"] = r.Name,
        ["project_id"] = projectId,
        ["zone_id"] = r.Zone.Id,
        ["zone_name"] = r.Zone.Name,
        ["created_at"] = SimHttp.IsoMicros(r.Created),
        ["version"] = 1,
        ["type"] = r.Type,
        ["status"] = status,
        ["action"] = action,
    };
}
