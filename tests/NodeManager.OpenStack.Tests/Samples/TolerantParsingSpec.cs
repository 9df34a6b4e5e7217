using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Samples;

/// <summary>Fields that differ between microversions and releases never break the client's reading of a server.</summary>
public sealed class TolerantParsingSpec
{
    private static Server Parse(JsonNode node)
    {
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return NovaJson.Server(doc.RootElement);
    }

    [Fact]
    public void A_server_booted_from_volume_with_an_embedded_flavor_must_parse()
    {
        var server = Parse(JsonNode.Parse("""
            {"id": "x", "name": "n", "status": "ACTIVE", "image": "",
             "flavor": {"original_name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20, "extra_specs": {}},
             "os-extended-volumes:volumes_attached": [{"id": "v1", "delete_on_termination": true}],
             "some-future-field": {"nested": [1, 2, 3]}}
            """)!);
        Assert.Null(server.ImageId);
        Assert.Null(server.FlavorId);
        Assert.Equal("m1.small", server.FlavorName);
        Assert.Equal(["v1"], server.AttachedVolumeIds);
        Assert.Empty(server.Metadata);
        Assert.Empty(server.Addresses);
    }

    [Fact]
    public void An_ERROR_server_must_expose_its_fault_even_without_the_admin_only_details()
    {
        var server = Parse(JsonNode.Parse("""
            {"id": "x", "name": "n", "status": "ERROR",
             "fault": {"code": 500, "created": "2026-01-01T00:00:00Z", "message": "No valid host was found. There are not enough hosts available."}}
            """)!);
        Assert.True(server.IsNoValidHost);
        Assert.Null(server.Fault!.Details);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), server.Fault.Created);
    }

    [Fact]
    public void An_attachment_of_microversion_2_89_without_id_must_key_on_volumeId()
    {
        using var doc = JsonDocument.Parse("""{"device": "/dev/vdb", "serverId": "s", "volumeId": "v", "attachment_id": "a", "bdm_uuid": "b", "tag": null}""");
        Assert.Equal(new VolumeAttachment("v", "s", "/dev/vdb", "a"), NovaJson.Attachment(doc.RootElement, "s"));
    }

    [Property]
    public Property Removing_any_optional_fields_from_the_server_sample_must_never_break_parsing()
    {
        var sample = Fixtures.Node("nova/server-get-resp.json")["server"]!.AsObject();
        var optional = sample.Select(p => p.Key).Where(k => k != "id").ToArray();
        return Prop.ForAll(Gen.SubListOf(optional).ToArbitrary(), removed =>
        {
            var copy = sample.DeepClone().AsObject();
            foreach (var key in removed) copy.Remove(key);
            var server = Parse(copy);
            return server.Id == "0e44cc9c-e052-415d-afbf-469b0d384170"
                && (removed.Contains("status") ? server.Status == "UNKNOWN" : server.Status == "ACTIVE");
        });
    }

    [Fact]
    public void Fields_of_unexpected_json_types_must_read_as_absent()
    {
        var server = Parse(JsonNode.Parse("""
            {"id": "x", "name": 42, "status": "BUILD", "metadata": ["not", "a", "map"], "addresses": "none",
             "key_name": {"odd": true}, "created": "not a date", "flavor": "1"}
            """)!);
        Assert.Equal(("42", "BUILD"), (server.Name, server.Status));
        Assert.Empty(server.Metadata);
        Assert.Empty(server.Addresses);
        Assert.Null(server.KeyName);
        Assert.Null(server.Created);
        Assert.Null(server.FlavorId);
    }
}
