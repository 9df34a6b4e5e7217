using System.Text.Json;

namespace NodeManager.OpenStack.Compute;

/// <summary>Reads Nova bodies tolerantly (fields differ between microversions; see each comment).</summary>
internal static class NovaJson
{
    public static Server Server(JsonElement s)
    {
        var addresses = new List<ServerAddress>();
        if (s.Prop("addresses") is { ValueKind: JsonValueKind.Object } nets)
            foreach (var net in nets.EnumerateObject())
                if (net.Value.ValueKind == JsonValueKind.Array)
                    foreach (var a in net.Value.EnumerateArray())
                        if (a.Str("addr") is { } addr)
                            addresses.Add(new ServerAddress(net.Name, addr, (int)(a.Long("version") ?? 4), a.Str("OS-EXT-IPS:type")));

        // flavor: {"id", "links"} up to 2.46; from 2.47 {"original_name", "vcpus", "ram", …} without id.
        var flavor = s.Prop("flavor");
        // image: {"id", "links"}, or "" for a server booted from a volume.
        var image = s.Prop("image") is { ValueKind: JsonValueKind.Object } img ? img.Str("id") : null;
        ServerFault? fault = s.Prop("fault") is { ValueKind: JsonValueKind.Object } f
            ? new ServerFault((int?)f.Long("code"), f.Str("message") ?? "", f.Str("details"), f.Time("created"))
            : null;
        return new Server(
            s.Str("id") ?? throw new JsonException("server without id"),
            s.Str("name") ?? "",
            s.Str("status") ?? "UNKNOWN",
            s.Map("metadata"),
            addresses,
            fault,
            flavor?.Str("id"),
            flavor?.Str("original_name"),
            image,
            s.Str("key_name"),
            s.Str("OS-EXT-AZ:availability_zone"),
            s.Str("OS-EXT-STS:task_state"),
            s.Time("created"),
            s.Array("os-extended-volumes:volumes_attached").Select(v => v.Str("id")).OfType<string>().ToList());
    }

    public static Flavor Flavor(JsonElement f) => new(
        f.Str("id"), f.Str("name") ?? f.Str("original_name") ?? "", (int)(f.Long("vcpus") ?? 0), (int)(f.Long("ram") ?? 0), (int)(f.Long("disk") ?? 0));

    // Up to 2.88 "id" equals volumeId; from 2.89 "attachment_id" and "bdm_uuid" replace it.
    public static VolumeAttachment Attachment(JsonElement a, string serverId) => new(
        a.Str("volumeId") ?? throw new JsonException("volume attachment without volumeId"),
        a.Str("serverId") ?? serverId,
        a.Str("device"),
        a.Str("attachment_id") ?? a.Str("id"));
}
