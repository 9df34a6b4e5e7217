using System.Net;
using System.Text.Json.Nodes;
using NodeManager.OpenStack.Credentials;
using NodeManager.Testing;

namespace NodeManager.OpenStack.Tests.Support;

/// <summary>
/// A cloud that answers every call with the published api sample for it: Keystone's devstack token response (with a
/// dns endpoint added, since the sample has none) and its X-Subject-Token header, then Nova, Cinder, Designate and Glance samples.
/// </summary>
internal sealed class CannedCloud : IDisposable
{
    public const string ZoneId = "2150b1bf-dee2-4221-9d85-11f7886fb15f";
    public const string DnsUrl = "http://dns.test:9001";

    public CannedCloud()
    {
        // The sample token expired in 2015: the clock stands an hour before its expiry.
        Clock = new VirtualTimeProvider(new DateTimeOffset(2015, 11, 7, 1, 58, 43, TimeSpan.Zero));
        Handler = new StubHandler(Answer);
        Client = OpenStackClient.Create(CloudEnv.QuietSettings with { DnsEnabled = true }, Credentials, null, Clock, Handler);
    }

    public static OpenStackCredentials Credentials { get; } = new()
    {
        AuthUrl = "http://keystone.test:5000/v3",
        UserId = "ee4dfb6e5540447cb3741905149d9b6e",
        Password = "devstacker",
        ProjectId = "a6944d763bf64ee6a275f1263fae0352",
        RegionName = "RegionOne",
        Source = "test",
    };

    public VirtualTimeProvider Clock { get; }
    public StubHandler Handler { get; }
    public OpenStackClient Client { get; }

    /// <summary>The X-Subject-Token of the keystone HTTP sample.</summary>
    public static string SampleToken =>
        Fixtures.Text("keystone/auth-password-user-name-unscoped-response-HTTP.txt").Split('\n')
            .First(l => l.StartsWith("X-Subject-Token:", StringComparison.Ordinal))["X-Subject-Token:".Length..].Trim();

    private static HttpResponseMessage Answer(HttpRequestMessage request, string? body)
    {
        var path = request.RequestUri!.AbsolutePath;
        var query = request.RequestUri.Query;
        var port = request.RequestUri.Port;
        string? file = (request.Method.Method, path) switch
        {
            ("POST", _) when path.EndsWith("/auth/tokens", StringComparison.Ordinal) => null,
            ("GET", _) when path.EndsWith("/servers/detail", StringComparison.Ordinal) && query.Contains("marker=") => "{\"servers\": []}",
            ("GET", _) when path.EndsWith("/servers/detail", StringComparison.Ordinal) => "nova/servers-details-resp.json",
            ("POST", _) when path.EndsWith("/servers", StringComparison.Ordinal) => "nova/server-create-resp.json",
            ("POST", _) when path.EndsWith("/os-volume_attachments", StringComparison.Ordinal) => "nova/attach-volume-to-server-resp.json",
            ("GET", _) when path.EndsWith("/os-volume_attachments", StringComparison.Ordinal) => "nova/list-volume-attachments-resp.json",
            ("GET", _) when path.Contains("/os-volume_attachments/", StringComparison.Ordinal) => "nova/volume-attachment-detail-resp.json",
            ("GET", _) when path.Contains("/servers/", StringComparison.Ordinal) => "nova/server-get-resp.json",
            ("GET", _) when path.EndsWith("/flavors/detail", StringComparison.Ordinal) => "nova/flavors-detail-resp.json",
            ("GET", _) when path.EndsWith("/limits", StringComparison.Ordinal) && port == 8774 => "nova/limit-get-resp.json",
            ("GET", _) when path.EndsWith("/limits", StringComparison.Ordinal) => "cinder/limits-show-response.json",
            ("POST", _) when path.EndsWith("/volumes", StringComparison.Ordinal) => "cinder/volume-create-response.json",
            ("GET", _) when path.EndsWith("/volumes/detail", StringComparison.Ordinal) && query.Contains("marker=") => "{\"volumes\": []}",
            ("GET", _) when path.EndsWith("/volumes/detail", StringComparison.Ordinal) => "cinder/volumes-list-detailed-response.json",
            ("GET", _) when path.Contains("/volumes/", StringComparison.Ordinal) => "cinder/volume-show-response.json",
            ("GET", "/v2/zones") => $"{{\"zones\": [{{\"id\": \"{ZoneId}\", \"name\": \"example.com.\", \"status\": \"ACTIVE\"}}]}}",
            ("POST", _) when path.EndsWith("/recordsets", StringComparison.Ordinal) => "designate/create-recordset-response.json",
            ("GET", _) when path.EndsWith("/recordsets", StringComparison.Ordinal) => "designate/list-recordset-in-zone-response.json",
            ("GET", _) when path.Contains("/recordsets/", StringComparison.Ordinal) => "designate/show-recordset-response.json",
            ("DELETE", _) when path.Contains("/recordsets/", StringComparison.Ordinal) => "designate/delete-recordset-response.json",
            ("GET", "/v2/images") => "glance/images-list-response.json",
            ("GET", _) when path.StartsWith("/v2.0/networks", StringComparison.Ordinal) => Networks(path, query),
            _ => throw new InvalidOperationException($"the canned cloud has no answer for {request.Method} {request.RequestUri}"),
        };
        if (file is null)
        {
            var token = Fixtures.Node("keystone/auth-password-project-scoped-response.json");
            token["token"]!["catalog"]!.AsArray().Add(new JsonObject
            {
                ["endpoints"] = new JsonArray(new JsonObject { ["region_id"] = "RegionOne", ["url"] = DnsUrl, ["region"] = "RegionOne", ["interface"] = "public", ["id"] = "dns1" }),
                ["type"] = "dns",
                ["id"] = "dns",
                ["name"] = "designate",
            });
            var auth = StubHandler.Json(token.ToJsonString(), HttpStatusCode.Created);
            auth.Headers.Add("X-Subject-Token", SampleToken);
            auth.Headers.Add("x-openstack-request-id", "req-f2f3f6ca-e342-4cd8-bc12-71a5436ef5fc");
            return auth;
        }
        var json = file.StartsWith('{') ? file : Fixtures.Text(file);
        var status = request.Method == HttpMethod.Post && !path.EndsWith("/os-volume_attachments", StringComparison.Ordinal) ? HttpStatusCode.Accepted
            : request.Method == HttpMethod.Delete ? HttpStatusCode.Accepted
            : HttpStatusCode.OK;
        return StubHandler.Json(json, status);
    }

    /// <summary>Two networks of the project and two shared ones that share a name.</summary>
    public static IReadOnlyList<(string Id, string Name)> CannedNetworks { get; } =
    [
        ("0b3e6c1a-7f2d-4c55-9e8a-2d1f6a4b9c01", "paas-nodes"),
        ("5c9d2e7f-1a3b-4d6e-8f0a-b1c2d3e4f501", "storage"),
        ("9a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c201", "shared-net"),
        ("9a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c202", "shared-net"),
    ];

    /// <summary>
    /// Neutron's answers in the shape of the Networking API reference's networks-list and network-show samples (the
    /// shared fixtures hold no Neutron sample): a list filtered by the name in the query, or one network by id.
    /// </summary>
    private static string Networks(string path, string query)
    {
        static JsonObject Network((string Id, string Name) n) => new()
        {
            ["admin_state_up"] = true, ["availability_zone_hints"] = new JsonArray(), ["availability_zones"] = new JsonArray("nova"),
            ["created_at"] = "2016-03-08T20:19:41", ["dns_domain"] = "my-domain.org.", ["id"] = n.Id, ["ipv4_address_scope"] = null,
            ["ipv6_address_scope"] = null, ["l2_adjacency"] = false, ["mtu"] = 1500, ["name"] = n.Name, ["port_security_enabled"] = true,
            ["project_id"] = "a6944d763bf64ee6a275f1263fae0352", ["qos_policy_id"] = null, ["revision_number"] = 1, ["router:external"] = false,
            ["shared"] = n.Name == "shared-net", ["status"] = "ACTIVE", ["subnets"] = new JsonArray("54d6f61d-db07-451c-9ab3-b9609b6b6f0b"),
            ["tenant_id"] = "a6944d763bf64ee6a275f1263fae0352", ["updated_at"] = "2016-03-08T20:19:41", ["vlan_transparent"] = false,
            ["description"] = "", ["is_default"] = false,
        };

        if (path.StartsWith("/v2.0/networks/", StringComparison.Ordinal))
        {
            var id = path["/v2.0/networks/".Length..];
            return CannedNetworks.FirstOrDefault(n => n.Id == id) is { Id: not null } one
                ? new JsonObject { ["network"] = Network(one) }.ToJsonString()
                : throw new InvalidOperationException($"the canned cloud has no network {id}");
        }

        var name = System.Web.HttpUtility.ParseQueryString(query)["name"];
        return new JsonObject
        {
            ["networks"] = new JsonArray([.. CannedNetworks.Where(n => name is null || n.Name == name).Select(n => (JsonNode?)Network(n))]),
        }.ToJsonString();
    }

    public void Dispose() => Client.Dispose();
}
