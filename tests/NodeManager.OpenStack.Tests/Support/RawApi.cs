using System.Text;
using System.Text.Json.Nodes;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Support;

/// <summary>Plain HttpClient calls to the simulator, to see its JSON exactly as sent.</summary>
internal sealed class RawApi(OpenStackSimulator sim) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = sim.BaseUri };
    private string? _token;

    public string Compute => $"compute/v2.1/{sim.Options.ProjectId}";
    public string Volume => $"volume/v3/{sim.Options.ProjectId}";

    public async Task<(int Status, JsonNode Body, HttpResponseMessage Response)> TokenAsync()
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject { ["name"] = sim.Options.Username, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = sim.Options.Password },
                    },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = sim.Options.ProjectName, ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        };
        var response = await _http.PostAsync("identity/v3/auth/tokens", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        _token = response.Headers.GetValues("X-Subject-Token").Single();
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response);
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? microversion = null)
    {
        if (_token is null) await TokenAsync();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Auth-Token", _token);
        if (microversion is not null) request.Headers.Add("OpenStack-API-Version", "compute " + microversion);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(int Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(int Status, JsonNode? Body)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, JsonNode.Parse(json));

    public void Dispose() => _http.Dispose();
}
