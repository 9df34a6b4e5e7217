using System.Text;
using System.Text.Json.Nodes;
using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Credentials;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Samples;

/// <summary>The bodies the client sends, captured on the wire, against the published request samples.</summary>
public sealed class RequestBodySpec
{
    private static JsonNode SentBody(CannedCloud cloud, HttpMethod method, string pathSuffix) =>
        JsonNode.Parse(cloud.Handler.Requests.Last(r => r.Method == method && r.Uri.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal)).Body!)!;

    /// <summary>Every field the client sends is in the sample with the same value (the samples show more options than NodeManager uses).</summary>
    private static void AssertSubsetOfSample(JsonNode sample, JsonNode sent, string path = "$")
    {
        switch (sent)
        {
            case JsonObject o:
                var so = Assert.IsType<JsonObject>(sample);
                foreach (var (key, value) in o)
                {
                    Assert.True(so.ContainsKey(key), $"{path}.{key} is sent but not in the sample");
                    AssertSubsetOfSample(so[key]!, value!, $"{path}.{key}");
                }
                break;
            case JsonArray a:
                var sa = Assert.IsType<JsonArray>(sample);
                Assert.Equal(sa.Count, a.Count);
                for (var i = 0; i < a.Count; i++) AssertSubsetOfSample(sa[i]!, a[i]!, $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(sample, sent), $"{path}: sent {sent?.ToJsonString()}, sample has {sample.ToJsonString()}");
                break;
        }
    }

    private static ServerCreateSpec SampleServer(JsonNode sample) => new()
    {
        Name = "new-server-test",
        Image = "70a599e0-31e7-49b7-b260-868f441e862b",
        Flavor = "1",
        AvailabilityZone = "us-west",
        Metadata = new Dictionary<string, string> { ["My Server Name"] = "Apache1" },
        SecurityGroups = ["default"],
        UserData = Encoding.UTF8.GetString(Convert.FromBase64String(sample["server"]!["user_data"]!.GetValue<string>())),
    };

    [Theory]
    [InlineData("2.1", "nova/server-create-req.json")]
    [InlineData("2.37", "nova/server-create-req-v237.json")]
    public async Task Server_create_body_must_match_the_nova_sample_of_its_microversion(string microversion, string samplePath)
    {
        var sample = Fixtures.Node(samplePath);
        using var cloud = new CannedCloud();
        using var client = OpenStackClient.Create(CloudEnv.QuietSettings with { ComputeMicroversion = microversion }, CannedCloud.Credentials, null, cloud.Clock, cloud.Handler);
        // The sample's image id is not in Glance's sample list, so it is passed resolved; the flavor resolves through /flavors/detail.
        var body = client.Compute.BuildCreateBody(SampleServer(sample), "70a599e0-31e7-49b7-b260-868f441e862b",
            await client.Compute.ResolveFlavorAsync("m1.tiny"));
        AssertSubsetOfSample(sample, body);
        foreach (var key in new[] { "name", "imageRef", "flavorRef", "availability_zone", "metadata", "security_groups", "user_data" })
            Assert.True(body["server"]!.AsObject().ContainsKey(key), $"server.{key} must be sent");
        Assert.Equal(microversion == "2.37", body["server"]!.AsObject().ContainsKey("networks"));
    }

    [Fact]
    public async Task Server_create_on_the_wire_must_carry_the_microversion_and_the_sample_body()
    {
        var sample = Fixtures.Node("nova/server-create-req-v237.json");
        using var cloud = new CannedCloud();
        await cloud.Client.Compute.CreateServerAsync(SampleServer(sample) with { Image = "cirros-0.3.2-x86_64-disk", Flavor = "m1.tiny" });
        var request = cloud.Handler.Requests.Last(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/servers", StringComparison.Ordinal));
        Assert.Equal("compute 2.37", request.Headers["OpenStack-API-Version"]);
        Assert.Equal("2.37", request.Headers["X-OpenStack-Nova-API-Version"]);
        Assert.Equal(CannedCloud.SampleToken, request.Headers["X-Auth-Token"]);
        var sent = JsonNode.Parse(request.Body!)!;
        sent["server"]!["imageRef"] = "70a599e0-31e7-49b7-b260-868f441e862b";
        AssertSubsetOfSample(sample, sent);
    }

    [Fact]
    public void Server_create_with_networks_must_use_the_uuid_list_form_of_the_v2_32_sample()
    {
        var sample = Fixtures.Node("nova/v2.32/server-create-req.json");
        using var cloud = new CannedCloud();
        var body = cloud.Client.Compute.BuildCreateBody(new ServerCreateSpec
        {
            Name = "device-tagging-server", Image = "i", Flavor = "f", Networks = ["3cb9bc59-5699-4588-a4b1-b87f96708bc6"],
        }, "i", "f");
        var sentNetworks = body["server"]!["networks"]!.AsArray();
        var sampleNetworks = sample["server"]!["networks"]!.AsArray();
        Assert.Equal(sampleNetworks[0]!["uuid"]!.GetValue<string>(), sentNetworks[0]!["uuid"]!.GetValue<string>());
        Assert.Equal(["uuid"], sentNetworks[0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Volume_create_body_must_use_the_cinder_sample_fields_and_types()
    {
        var sample = Fixtures.Node("cinder/volume-create-request.json");
        using var cloud = new CannedCloud();
        await cloud.Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "node-1.example.com", SizeGiB = 10 });
        var sent = SentBody(cloud, HttpMethod.Post, "/volumes");
        JsonShape.AssertSame(sample["volume"], sent["volume"], strict: true, optional: new HashSet<string>
        {
            "$.source_volid", "$.multiattach", "$.snapshot_id", "$.backup_id", "$.imageRef", "$.consistencygroup_id",
        });
        Assert.Equal(10, sent["volume"]!["size"]!.GetValue<int>());
        Assert.Equal("node-1.example.com", sent["volume"]!["name"]!.GetValue<string>());
        Assert.Null(sent["volume"]!["volume_type"]);
        Assert.True(JsonNode.DeepEquals(sample["volume"]!["metadata"], sent["volume"]!["metadata"]));
    }

    [Fact]
    public async Task Attach_body_must_equal_the_nova_sample()
    {
        using var cloud = new CannedCloud();
        await cloud.Client.Compute.AttachVolumeAsync("802db873-0373-4bdd-a433-d272a539ba18", "a07f71dc-8151-4e7d-a0cc-cd24a3f11113", "/dev/sdb");
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("nova/attach-volume-to-server-req.json"), SentBody(cloud, HttpMethod.Post, "/os-volume_attachments")));
    }

    [Fact]
    public async Task Recordset_create_body_must_equal_the_designate_sample()
    {
        using var cloud = new CannedCloud();
        await cloud.Client.Dns.CreateARecordsetAsync(CannedCloud.ZoneId, "example.org.", ["10.1.0.2"], TimeSpan.FromSeconds(3600), "This is an example record set.");
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("designate/create-recordset-request.json"), SentBody(cloud, HttpMethod.Post, "/recordsets")));
    }

    [Theory]
    [InlineData("keystone/project-id-password.json", null, "a6944d763bf64ee6a275f1263fae0352", null)]
    [InlineData("keystone/project-name-password.json", "admin", null, "default")]
    public async Task Password_auth_body_must_equal_the_keystone_sample(string samplePath, string? projectName, string? projectId, string? projectDomainId)
    {
        using var cloud = new CannedCloud();
        var credentials = CannedCloud.Credentials with { ProjectId = projectId, ProjectName = projectName, ProjectDomainId = projectDomainId };
        using var client = OpenStackClient.Create(CloudEnv.QuietSettings, credentials, null, cloud.Clock, cloud.Handler);
        await client.AuthenticateAsync();
        var sent = SentBody(cloud, HttpMethod.Post, "/v3/auth/tokens");
        Assert.True(JsonNode.DeepEquals(Fixtures.Node(samplePath), sent), sent.ToJsonString());
    }

    [Fact]
    public void Application_credential_auth_body_must_have_no_scope()
    {
        var body = Identity.KeystoneAuthRequest.Build(new OpenStackCredentials
        {
            AuthUrl = "http://k", ApplicationCredentialId = "423f19a4ac1e4f48bbb4180756e6eb6c", ApplicationCredentialSecret = "rEaqvJka48mpv",
        });
        var expected = JsonNode.Parse("""
            {"auth": {"identity": {"methods": ["application_credential"],
              "application_credential": {"id": "423f19a4ac1e4f48bbb4180756e6eb6c", "secret": "rEaqvJka48mpv"}}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, body));
    }

    [Theory]
    [InlineData("https://keystone.example.com:5000/v3", "https://keystone.example.com:5000/v3/auth/tokens")]
    [InlineData("https://keystone.example.com:5000/v3/", "https://keystone.example.com:5000/v3/auth/tokens")]
    [InlineData("https://keystone.example.com/identity", "https://keystone.example.com/identity/v3/auth/tokens")]
    [InlineData("https://keystone.example.com:5000/v2.0", "https://keystone.example.com:5000/v3/auth/tokens")]
    public void Tokens_url_must_accept_auth_urls_with_or_without_a_version(string authUrl, string expected) =>
        Assert.Equal(expected, Identity.KeystoneAuthRequest.TokensUrl(authUrl));
}
