using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Glance v2 image list and show under <c>/image/v2</c>.</summary>
internal static class GlanceApi
{
    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        var glance = app.MapGroup("/image/v2");
        var owner = sim.State.Options.ProjectId;

        glance.MapGet("/images", (HttpContext http) =>
        {
            var name = http.Request.Query["name"].FirstOrDefault();
            return SimHttp.Json(new JsonObject
            {
                ["images"] = new JsonArray(SimCatalogData.Images.Where(i => name is null || i.Name == name).Select(i => (JsonNode?)Image(i, owner)).ToArray()),
                ["schema"] = "/v2/schemas/images",
                ["first"] = "/v2/images",
            });
        }).Op(sim, SimulatorOps.ImageList);

        glance.MapGet("/images/{id}", (string id) =>
            SimCatalogData.Images.FirstOrDefault(i => i.Id == id) is { } image
                ? SimHttp.Json(Image(image, owner))
                : Results.Text($"404 Not Found\n\nNo image found with ID {id}\n\n", "text/plain", statusCode: 404))
            .Op(sim, SimulatorOps.ImageGet);
    }

    private static JsonObject Image(SimImage i, string owner) => new()
    {
        ["status"] = "active",
        ["name"] = i.Name,
        ["tags"] = new JsonArray(),
        ["container_format"] = "bare",
        ["created_at"] = SimHttp.IsoSeconds(i.Created),
        ["disk_format"] = "qcow2",
        ["updated_at"] = SimHttp.IsoSeconds(i.Created),
        ["visibility"] = "public",
        ["self"] = $"/v2/images/{i.Id}",
        ["min_disk"] = 0,
        ["protected"] = false,
        ["id"] = i.Id,
        ["file"] = $"/v2/images/{i.Id}/file",
        ["checksum"] = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(i.Id))),
        ["os_hash_algo"] = "sha512",
        ["os_hash_value"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(i.Id))),
        ["os_hidden"] = false,
        ["owner"] = owner,
        ["size"] = i.Size,
        ["min_ram"] = 0,
        ["schema"] = "/v2/schemas/image",
        ["virtual_size"] = null,
    };
}
