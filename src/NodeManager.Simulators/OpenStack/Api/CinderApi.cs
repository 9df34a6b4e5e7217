using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Cinder v3 under <c>/volume/v3/{project}</c>: volumes, volume types and limits.</summary>
internal static class CinderApi
{
    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        var cinder = app.MapGroup("/volume/v3/{project}");
        var state = sim.State;

        cinder.MapPost("/volumes", async (HttpContext http) =>
        {
            var body = await SimHttp.BodyAsync(http.Request);
            if (body["volume"] is not JsonObject v || v["size"] is not JsonValue sizeNode || !sizeNode.TryGetValue<int>(out var size))
                throw new SimFaultException(400, "Invalid input for field/attribute size. Value: None. None is not of type 'integer', 'string'");
            var volume = state.CreateVolume(SimHttp.Str(v["name"]), size, SimHttp.Str(v["volume_type"]), SimHttp.Str(v["availability_zone"]),
                SimHttp.Str(v["description"]), SimHttp.StringMap(v["metadata"]));
            return SimHttp.Json(state.Read(now => new JsonObject { ["volume"] = Volume(volume, now, http, detailed: false, state.Options.UserId) }), 202);
        }).Op(sim, SimulatorOps.VolumeCreate);

        cinder.MapGet("/volumes/detail", (HttpContext http) =>
        {
            var name = http.Request.Query["name"].FirstOrDefault();
            return SimHttp.Json(state.Read(now => new JsonObject
            {
                ["volumes"] = new JsonArray(state.Volumes(name).Select(v => (JsonNode?)Volume(v, now, http, detailed: true, state.Options.UserId)).ToArray()),
            }));
        }).Op(sim, SimulatorOps.VolumeList);

        cinder.MapGet("/volumes/{id}", (HttpContext http, string id) =>
            SimHttp.Json(state.Read(now => new JsonObject { ["volume"] = Volume(state.Volume(id, now), now, http, detailed: true, state.Options.UserId) })))
            .Op(sim, SimulatorOps.VolumeGet);

        cinder.MapDelete("/volumes/{id}", (string id) =>
        {
            state.DeleteVolume(id);
            return SimHttp.Empty(202);
        }).Op(sim, SimulatorOps.VolumeDelete);

        // Cinder's volume-types-list answer for a project member (no extra_specs: those are admin-only).
        cinder.MapGet("/types", () => SimHttp.Json(new JsonObject
        {
            ["volume_types"] = new JsonArray(SimCatalogData.VolumeTypes.Select(t => (JsonNode?)new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["is_public"] = true,
                ["os-volume-type-access:is_public"] = true,
                ["qos_specs_id"] = null,
            }).ToArray()),
        })).Op(sim, SimulatorOps.VolumeTypeList);

        cinder.MapGet("/limits", () => SimHttp.Json(state.Read(now =>
        {
            var q = state.Quotas;
            var used = state.Usage(now);
            return new JsonObject
            {
                ["limits"] = new JsonObject
                {
                    ["rate"] = new JsonArray(),
                    ["absolute"] = new JsonObject
                    {
                        ["totalSnapshotsUsed"] = 0,
                        ["maxTotalBackups"] = 10,
                        ["maxTotalVolumeGigabytes"] = q.Gigabytes,
                        ["maxTotalSnapshots"] = 10,
                        ["maxTotalBackupGigabytes"] = 1000,
                        ["totalBackupGigabytesUsed"] = 0,
                        ["maxTotalVolumes"] = q.Volumes,
                        ["totalVolumesUsed"] = used.Volumes,
                        ["totalBackupsUsed"] = 0,
                        ["totalGigabytesUsed"] = used.Gigabytes,
                    },
                },
            };
        }))).Op(sim, SimulatorOps.VolumeLimits);
    }

    /// <summary>The volume-show sample's fields; the create answer (<paramref name="detailed"/> false) lacks the os-vol-* admin fields.</summary>
    private static JsonObject Volume(SimVolume v, DateTimeOffset now, HttpContext http, bool detailed, string userId)
    {
        var project = http.Request.RouteValues["project"]?.ToString();
        var baseUrl = SimHttp.BaseUrl(http.Request);
        var status = v.Status(now);
        var attachments = new JsonArray();
        if (v.ServerId is not null)
            attachments.Add(new JsonObject
            {
                ["server_id"] = v.ServerId, ["attachment_id"] = v.AttachmentId, ["host_name"] = null,
                ["volume_id"] = v.Id, ["device"] = v.Device, ["id"] = v.Id,
            });
        var view = new JsonObject
        {
            ["attachments"] = attachments,
            ["availability_zone"] = v.AvailabilityZone,
            ["bootable"] = "false",
            ["consistencygroup_id"] = null,
            ["created_at"] = SimHttp.IsoMicros(v.Created),
            ["description"] = v.Description,
            ["encrypted"] = false,
            ["id"] = v.Id,
            ["links"] = SimHttp.Links($"{baseUrl}/volume/v3/{project}/volumes/{v.Id}", $"{baseUrl}/volume/{project}/volumes/{v.Id}"),
            ["metadata"] = new JsonObject(v.Metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["migration_status"] = null,
            ["multiattach"] = false,
            ["name"] = v.Name,
        };
        if (detailed)
        {
            view["os-vol-host-attr:host"] = status == "creating" ? null : "sim@lvmdriver-1#lvmdriver-1";
            view["os-vol-mig-status-attr:migstat"] = null;
            view["os-vol-mig-status-attr:name_id"] = null;
            view["os-vol-tenant-attr:tenant_id"] = project;
        }
        view["replication_status"] = null;
        view["size"] = v.Size;
        view["snapshot_id"] = null;
        view["source_volid"] = null;
        view["status"] = status;
        view["updated_at"] = status == "creating" ? null : SimHttp.IsoMicros(v.ReadyAt);
        view["user_id"] = userId;
        view["volume_type"] = v.VolumeType;
        return view;
    }
}
