using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Keystone v3 <c>POST /identity/v3/auth/tokens</c>: password and application-credential auth, catalog pointing at this simulator.</summary>
internal static class KeystoneApi
{
    public const string Prefix = "/identity/v3";

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapPost(Prefix + "/auth/tokens", async (HttpContext http) =>
        {
            var body = await SimHttp.BodyAsync(http.Request);
            var options = sim.State.Options;
            var identity = body["auth"]?["identity"];
            var methods = identity?["methods"]?.AsArray().Select(SimHttp.Str).ToList() ?? [];
            var authenticated = methods.Contains("password")
                ? PasswordMatches(identity!["password"]?["user"], body["auth"]?["scope"]?["project"], options)
                : methods.Contains("application_credential")
                  && SimHttp.Str(identity!["application_credential"]?["id"]) == options.ApplicationCredentialId
                  && SimHttp.Str(identity["application_credential"]?["secret"]) == options.ApplicationCredentialSecret;
            if (!authenticated)
                return ErrorBodies.Render(ErrorStyle.Keystone, 401, ErrorBodies.Unauthenticated, null, http);
            var (token, issued, expires) = sim.State.IssueToken();
            http.Response.Headers["X-Subject-Token"] = token;
            return SimHttp.Json(TokenBody(options, SimHttp.BaseUrl(http.Request), methods[0]!, issued, expires), 201);
        }).AddEndpointFilter(new OperationFilter(sim, SimulatorOps.Authenticate, ErrorStyle.Keystone, requiresToken: false));
    }

    private static bool PasswordMatches(JsonNode? user, JsonNode? project, OpenStackSimulatorOptions o)
    {
        if (user is null || project is null) return false;
        var userOk = (SimHttp.Str(user["name"]) == o.Username || SimHttp.Str(user["id"]) == UserId(o)) && SimHttp.Str(user["password"]) == o.Password;
        var projectOk = SimHttp.Str(project["name"]) == o.ProjectName || SimHttp.Str(project["id"]) == o.ProjectId;
        return userOk && projectOk;
    }

    private static string UserId(OpenStackSimulatorOptions o) => o.UserId;

    private static JsonObject TokenBody(OpenStackSimulatorOptions o, string baseUrl, string method, DateTimeOffset issued, DateTimeOffset expires)
    {
        var catalog = new JsonArray(
            Service("identity", "keystone", baseUrl + "/identity", o.Region),
            Service("compute", "nova", $"{baseUrl}/compute/v2.1/{o.ProjectId}", o.Region),
            Service("block-storage", "cinder", $"{baseUrl}/volume/v3/{o.ProjectId}", o.Region),
            Service("volumev3", "cinderv3", $"{baseUrl}/volume/v3/{o.ProjectId}", o.Region),
            Service("image", "glance", baseUrl + "/image", o.Region),
            Service("network", "neutron", baseUrl + "/networking", o.Region));
        if (o.IncludeDns) catalog.Add(Service("dns", "designate", baseUrl + "/dns", o.Region));
        var domain = new JsonObject { ["id"] = "default", ["name"] = o.UserDomainName };
        return new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["methods"] = new JsonArray(method),
                ["roles"] = new JsonArray(new JsonObject { ["id"] = "51cc68287d524c759f47c811e6463340", ["name"] = "member" }),
                ["expires_at"] = KeystoneTime(expires),
                ["project"] = new JsonObject { ["domain"] = domain.DeepClone(), ["id"] = o.ProjectId, ["name"] = o.ProjectName },
                ["is_domain"] = false,
                ["catalog"] = catalog,
                ["user"] = new JsonObject
                {
                    ["domain"] = domain, ["id"] = UserId(o), ["name"] = o.Username, ["password_expires_at"] = null,
                },
                ["audit_ids"] = new JsonArray(Guid.NewGuid().ToString("N")[..22]),
                ["issued_at"] = KeystoneTime(issued),
            },
        };
    }

    private static string KeystoneTime(DateTimeOffset t) => SimHttp.IsoMicros(t) + "Z";

    private static JsonObject Service(string type, string name, string url, string region) => new()
    {
        ["endpoints"] = new JsonArray(
            new[] { "public", "internal", "admin" }.Select(i => (JsonNode?)new JsonObject
            {
                ["region_id"] = region, ["url"] = url, ["region"] = region, ["interface"] = i, ["id"] = Guid.NewGuid().ToString("N"),
            }).ToArray()),
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["name"] = name,
    };
}
