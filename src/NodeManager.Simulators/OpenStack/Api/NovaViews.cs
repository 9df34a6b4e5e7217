using System.Text.Json.Nodes;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Nova JSON exactly as the api samples show it, varied by microversion where Nova varies it.</summary>
internal static class NovaViews
{
    private static readonly Version FlavorEmbedded = new(2, 47);
    private static readonly Version AttachmentWithoutId = new(2, 89);

    public static JsonObject Server(SimServer s, DateTimeOffset now, string computeUrl, OpenStackSimulatorOptions options, Version microversion)
    {
        var status = s.Status(now);
        var active = status == "ACTIVE";
        var addresses = new JsonObject();
        if (active)
            addresses["private"] = new JsonArray(new JsonObject
            {
                ["addr"] = s.FixedIp,
                ["OS-EXT-IPS-MAC:mac_addr"] = $"fa:16:3e:{(s.Index >> 16) & 255:x2}:{(s.Index >> 8) & 255:x2}:{s.Index & 255:x2}",
                ["OS-EXT-IPS:type"] = "fixed",
                ["version"] = 4,
            });
        var bookmark = computeUrl.Replace("/v2.1", "", StringComparison.Ordinal);
        var view = new JsonObject
        {
            ["accessIPv4"] = "",
            ["accessIPv6"] = "",
            ["addresses"] = addresses,
            ["created"] = SimHttp.IsoSeconds(s.Created),
            ["flavor"] = Flavor(s.Flavor, bookmark, microversion),
            ["hostId"] = active ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.ProjectId + s.Index)))[..56] : "",
            ["id"] = s.Id,
            ["image"] = new JsonObject
            {
                ["id"] = s.ImageId,
                ["links"] = new JsonArray(new JsonObject { ["href"] = $"{bookmark}/images/{s.ImageId}", ["rel"] = "bookmark" }),
            },
            ["key_name"] = s.KeyName,
            ["links"] = SimHttp.Links($"{computeUrl}/servers/{s.Id}", $"{bookmark}/servers/{s.Id}"),
            ["metadata"] = new JsonObject(s.Metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["name"] = s.Name,
            ["config_drive"] = "",
            ["OS-DCF:diskConfig"] = "AUTO",
            ["OS-EXT-AZ:availability_zone"] = s.AvailabilityZone,
            ["OS-EXT-SRV-ATTR:host"] = active ? "sim-compute-" + (s.Index % 4) : null,
            ["OS-EXT-SRV-ATTR:hypervisor_hostname"] = active ? "fake-mini" : null,
            ["OS-EXT-SRV-ATTR:instance_name"] = $"instance-{s.Index:x8}",
            ["OS-EXT-STS:power_state"] = active ? 1 : 0,
            ["OS-EXT-STS:task_state"] = s.DeleteAt is not null ? "deleting" : status == "BUILD" ? "spawning" : null,
            ["OS-EXT-STS:vm_state"] = SimulatorState.VmState(status),
            ["os-extended-volumes:volumes_attached"] = new JsonArray(s.Attachments.Select(a => (JsonNode?)new JsonObject { ["id"] = a.VolumeId }).ToArray()),
            ["OS-SRV-USG:launched_at"] = active && s.ReadyAt is { } ready ? SimHttp.IsoMicros(ready) : null,
            ["OS-SRV-USG:terminated_at"] = null,
            ["progress"] = 0,
            ["security_groups"] = new JsonArray(s.SecurityGroups.Select(g => (JsonNode?)new JsonObject { ["name"] = g }).ToArray()),
            ["status"] = status,
            ["tenant_id"] = options.ProjectId,
            ["updated"] = SimHttp.IsoSeconds(s.ReadyAt is { } r && r <= now ? r : s.Created),
            ["user_id"] = options.UserId,
        };
        if (status == "ERROR")
            view["fault"] = new JsonObject { ["code"] = 500, ["created"] = SimHttp.IsoSeconds(s.ReadyAt ?? now), ["message"] = s.FaultMessage };
        return view;
    }

    private static JsonObject Flavor(SimFlavor f, string bookmark, Version microversion) =>
        microversion >= FlavorEmbedded
            ? new JsonObject
            {
                ["vcpus"] = f.Vcpus, ["ram"] = f.RamMiB, ["disk"] = f.DiskGiB, ["ephemeral"] = 0, ["swap"] = 0,
                ["original_name"] = f.Name, ["extra_specs"] = new JsonObject(),
            }
            : new JsonObject
            {
                ["id"] = f.Id,
                ["links"] = new JsonArray(new JsonObject { ["href"] = $"{bookmark}/flavors/{f.Id}", ["rel"] = "bookmark" }),
            };

    public static JsonObject FlavorDetail(SimFlavor f, string computeUrl)
    {
        var bookmark = computeUrl.Replace("/v2.1", "", StringComparison.Ordinal);
        return new JsonObject
        {
            ["OS-FLV-DISABLED:disabled"] = false,
            ["disk"] = f.DiskGiB,
            ["OS-FLV-EXT-DATA:ephemeral"] = 0,
            ["os-flavor-access:is_public"] = true,
            ["id"] = f.Id,
            ["links"] = SimHttp.Links($"{computeUrl}/flavors/{f.Id}", $"{bookmark}/flavors/{f.Id}"),
            ["name"] = f.Name,
            ["ram"] = f.RamMiB,
            ["swap"] = "",
            ["vcpus"] = f.Vcpus,
            ["rxtx_factor"] = 1.0,
        };
    }

    public static JsonObject Created(SimServer s, string computeUrl)
    {
        var bookmark = computeUrl.Replace("/v2.1", "", StringComparison.Ordinal);
        return new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["OS-DCF:diskConfig"] = "AUTO",
                ["adminPass"] = Guid.NewGuid().ToString("N")[..12],
                ["id"] = s.Id,
                ["links"] = SimHttp.Links($"{computeUrl}/servers/{s.Id}", $"{bookmark}/servers/{s.Id}"),
                ["security_groups"] = new JsonArray(s.SecurityGroups.Select(g => (JsonNode?)new JsonObject { ["name"] = g }).ToArray()),
            },
        };
    }

    public static JsonObject Attachment(SimAttachment a, string serverId, Version microversion) =>
        microversion >= AttachmentWithoutId
            ? new JsonObject
            {
                ["device"] = a.Device, ["serverId"] = serverId, ["volumeId"] = a.VolumeId,
                ["attachment_id"] = a.AttachmentId, ["bdm_uuid"] = a.BdmId,
            }
            : new JsonObject { ["device"] = a.Device, ["id"] = a.VolumeId, ["serverId"] = serverId, ["volumeId"] = a.VolumeId };

    public static JsonObject Limits(SimulatorQuotas q, (int Instances, int Cores, int RamMiB, int Volumes, int Gigabytes) used) => new()
    {
        ["limits"] = new JsonObject
        {
            ["absolute"] = new JsonObject
            {
                ["maxImageMeta"] = 128,
                ["maxPersonality"] = 5,
                ["maxPersonalitySize"] = 10240,
                ["maxSecurityGroupRules"] = -1,
                ["maxSecurityGroups"] = -1,
                ["maxServerMeta"] = 128,
                ["maxTotalCores"] = q.Cores,
                ["maxTotalFloatingIps"] = -1,
                ["maxTotalInstances"] = q.Instances,
                ["maxTotalKeypairs"] = 100,
                ["maxTotalRAMSize"] = q.RamMiB,
                ["maxServerGroups"] = 10,
                ["maxServerGroupMembers"] = 10,
                ["totalCoresUsed"] = used.Cores,
                ["totalInstancesUsed"] = used.Instances,
                ["totalRAMUsed"] = used.RamMiB,
                ["totalSecurityGroupsUsed"] = 0,
                ["totalFloatingIpsUsed"] = 0,
                ["totalServerGroupsUsed"] = 0,
            },
            ["rate"] = new JsonArray(),
        },
    };
}
