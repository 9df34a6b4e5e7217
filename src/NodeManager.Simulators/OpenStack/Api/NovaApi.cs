using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Nova v2.1 under <c>/compute/v2.1/{project}</c>: servers, volume attachments, limits, flavors.</summary>
internal static class NovaApi
{
    private static readonly Version AttachWithoutBody = new(2, 101);

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        var nova = app.MapGroup("/compute/v2.1/{project}");
        var state = sim.State;

        nova.MapPost("/servers", async (HttpContext http) =>
        {
            var body = await SimHttp.BodyAsync(http.Request);
            if (body["server"] is not JsonObject s || SimHttp.Str(s["name"]) is not { Length: > 0 } name)
                throw new SimFaultException(400, "Invalid input for field/attribute server. Value: None. None is not of type 'object'");
            var groups = s["security_groups"] is JsonArray sg ? sg.Select(g => SimHttp.Str(g?["name"])).OfType<string>().ToList() : [];
            // Nova asks Neutron for each requested network and answers 400 NetworkNotFound for one it lacks.
            if (s["networks"] is JsonArray networks)
                foreach (var uuid in networks.Select(n => SimHttp.Str(n?["uuid"])).OfType<string>())
                    if (state.Networks.All(n => n.Id != uuid))
                        throw new SimFaultException(400, $"Network {uuid} could not be found.");
            var server = state.CreateServer(name, SimHttp.Str(s["imageRef"]), SimHttp.Str(s["flavorRef"]), SimHttp.Str(s["key_name"]),
                SimHttp.Str(s["availability_zone"]), SimHttp.StringMap(s["metadata"]), groups);
            return SimHttp.Json(NovaViews.Created(server, ComputeUrl(http)), 202);
        }).Op(sim, SimulatorOps.ServerCreate);

        nova.MapGet("/servers/detail", (HttpContext http) => ListServers(http, state))
            .Op(sim, SimulatorOps.ServerList);

        nova.MapGet("/servers", (HttpContext http) => ListServers(http, state))
            .Op(sim, SimulatorOps.ServerList);

        nova.MapGet("/servers/{id}", (HttpContext http, string id) =>
            SimHttp.Json(state.Read(now => new JsonObject
            {
                ["server"] = NovaViews.Server(state.Server(id, now), now, ComputeUrl(http), state.Options, SimHttp.ComputeMicroversion(http.Request)),
            }))).Op(sim, SimulatorOps.ServerGet);

        nova.MapDelete("/servers/{id}", (string id) =>
        {
            state.DeleteServer(id);
            return SimHttp.Empty(204);
        }).Op(sim, SimulatorOps.ServerDelete);

        nova.MapPost("/servers/{id}/os-volume_attachments", async (HttpContext http, string id) =>
        {
            var body = await SimHttp.BodyAsync(http.Request);
            var volumeId = SimHttp.Str(body["volumeAttachment"]?["volumeId"])
                ?? throw new SimFaultException(400, "Invalid input for field/attribute volumeAttachment. 'volumeId' is a required property");
            var attachment = state.Attach(id, volumeId, SimHttp.Str(body["volumeAttachment"]?["device"]));
            var microversion = SimHttp.ComputeMicroversion(http.Request);
            return microversion >= AttachWithoutBody
                ? SimHttp.Empty(202)
                : SimHttp.Json(new JsonObject { ["volumeAttachment"] = NovaViews.Attachment(attachment, id, microversion) });
        }).Op(sim, SimulatorOps.AttachmentCreate);

        nova.MapGet("/servers/{id}/os-volume_attachments", (HttpContext http, string id) =>
            SimHttp.Json(state.Read(now => new JsonObject
            {
                ["volumeAttachments"] = new JsonArray(state.Server(id, now).Attachments
                    .Select(a => (JsonNode?)NovaViews.Attachment(a, id, SimHttp.ComputeMicroversion(http.Request))).ToArray()),
            }))).Op(sim, SimulatorOps.AttachmentList);

        nova.MapGet("/servers/{id}/os-volume_attachments/{volumeId}", (HttpContext http, string id, string volumeId) =>
            SimHttp.Json(state.Read(now =>
            {
                var attachment = state.Server(id, now).Attachments.FirstOrDefault(a => a.VolumeId == volumeId)
                    ?? throw new SimFaultException(404, $"Volume {volumeId} is not attached to the server {id}.");
                return new JsonObject { ["volumeAttachment"] = NovaViews.Attachment(attachment, id, SimHttp.ComputeMicroversion(http.Request)) };
            }))).Op(sim, SimulatorOps.AttachmentGet);

        nova.MapDelete("/servers/{id}/os-volume_attachments/{volumeId}", (string id, string volumeId) =>
        {
            state.Detach(id, volumeId);
            return SimHttp.Empty(202);
        }).Op(sim, SimulatorOps.AttachmentDelete);

        nova.MapGet("/limits", () => SimHttp.Json(state.Read(now => NovaViews.Limits(state.Quotas, state.Usage(now)))))
            .Op(sim, SimulatorOps.ComputeLimits);

        nova.MapGet("/flavors/detail", (HttpContext http) => SimHttp.Json(new JsonObject
        {
            ["flavors"] = new JsonArray(SimCatalogData.Flavors.Select(f => (JsonNode?)NovaViews.FlavorDetail(f, ComputeUrl(http))).ToArray()),
        })).Op(sim, SimulatorOps.FlavorList);
    }

    private static IResult ListServers(HttpContext http, SimulatorState state)
    {
        var name = http.Request.Query["name"].FirstOrDefault();
        var microversion = SimHttp.ComputeMicroversion(http.Request);
        return SimHttp.Json(state.Read(now => new JsonObject
        {
            ["servers"] = new JsonArray(state.Servers(name)
                .Select(s => (JsonNode?)NovaViews.Server(s, now, ComputeUrl(http), state.Options, microversion)).ToArray()),
        }));
    }

    private static string ComputeUrl(HttpContext http) =>
        $"{SimHttp.BaseUrl(http.Request)}/compute/v2.1/{http.Request.RouteValues["project"]}";
}
