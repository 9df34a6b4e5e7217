using System.Text.Json;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;

namespace NodeManager.OpenStack.Image;

/// <summary>Glance v2 image list: how the client turns an image name into an id (Nova's image proxy is gone from 2.36).</summary>
public sealed class GlanceClient
{
    private readonly OpenStackSession _session;

    internal GlanceClient(OpenStackSession session) => _session = session;

    /// <summary>Images, optionally only those named exactly <paramref name="name"/>; follows Glance's <c>next</c> pages.</summary>
    public async Task<IReadOnlyList<GlanceImage>> ListImagesAsync(string? name = null, CancellationToken ct = default)
    {
        var images = new List<GlanceImage>();
        var path = "/images" + (name is null ? "" : "?name=" + Uri.EscapeDataString(name));
        while (path is not null)
        {
            var response = await _session.SendAsync(ServiceKind.Image, HttpMethod.Get, path, null, ct).ConfigureAwait(false);
            using var doc = response.Json();
            images.AddRange(doc.RootElement.Array("images").Select(Read));
            // "next" is "/v2/images?marker=…"; it is relative to the unversioned endpoint.
            path = doc.RootElement.Str("next") is { } next && next.StartsWith("/v2/", StringComparison.Ordinal) ? next["/v2".Length..] : null;
        }
        return images;
    }

    /// <summary>An image id for a name (the newest active image of that name) or an id. Throws NotFound naming the image.</summary>
    public async Task<string> ResolveAsync(string nameOrId, CancellationToken ct = default)
    {
        // Filtered again here: a Glance that ignores the name filter must not resolve to some other image.
        var byName = (await ListImagesAsync(nameOrId, ct).ConfigureAwait(false)).Where(i => i.Name == nameOrId).ToList();
        var best = byName.Where(i => i.Status == "active").OrderByDescending(i => i.Created).FirstOrDefault() ?? byName.FirstOrDefault();
        if (best is not null) return best.Id;
        try
        {
            var response = await _session.SendAsync(ServiceKind.Image, HttpMethod.Get, "/images/" + Uri.EscapeDataString(nameOrId), null, ct).ConfigureAwait(false);
            using var doc = response.Json();
            return Read(doc.RootElement).Id;
        }
        catch (NotFoundException e)
        {
            throw new NotFoundException(e.Call, $"no image named or with id '{nameOrId}'", e.RequestId);
        }
    }

    private static GlanceImage Read(JsonElement i) => new(
        i.Str("id") ?? throw new JsonException("image without id"),
        i.Str("name") ?? "",
        i.Str("status") ?? "unknown",
        i.Str("visibility"),
        i.Long("size"),
        (int)(i.Long("min_disk") ?? 0),
        (int)(i.Long("min_ram") ?? 0),
        i.Time("created_at"));
}
