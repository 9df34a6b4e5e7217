using NodeManager.Core.Configuration;

namespace NodeManager.Hocon.Tests.Configuration;

public sealed class NodeManagerConfigSpec : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_embedded_reference_must_parse_resolve_and_document_only_node_manager_and_akka_keys()
    {
        var reference = NodeManagerConfig.Reference;
        Assert.Equal(["node-manager", "akka"], reference.Keys);
        Assert.Contains(ReferenceKeys.All(), k => k == "node-manager.cluster-name");
        Assert.All(ReferenceKeys.All(), k => Assert.True(k.StartsWith("node-manager.", StringComparison.Ordinal) || k.StartsWith("akka.", StringComparison.Ordinal), k));
    }

    [Fact]
    public void Every_reference_key_must_be_kebab_case()
    {
        var segments = ReferenceKeys.All().SelectMany(ConfigPath.Split).Distinct();
        Assert.All(segments.Where(s => s != "default"), s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s));
    }

    [Fact]
    public void Load_must_lay_later_files_over_earlier_ones_over_the_reference()
    {
        var first = _dir.Write("a.conf", "node-manager.cluster-name = first\nnode-manager.management.port = 1");
        var second = _dir.Write("b.conf", "node-manager.cluster-name = second");
        var config = NodeManagerConfig.Load([first, second], ConfigResolveOptions.NoEnvironment);
        Assert.Equal("second", config.GetString("node-manager.cluster-name"));
        Assert.Equal(1, config.GetInt("node-manager.management.port"));
        Assert.Equal("127.0.0.1", config.GetString("node-manager.management.hostname"));
        Assert.Equal(NodeManagerConfig.ReferenceOriginName, config.GetOrigin("node-manager.management.hostname")!.Description);
    }

    [Fact]
    public void Load_must_resolve_operator_substitutions_against_reference_values_and_the_environment()
    {
        var file = _dir.Write("a.conf", "node-manager.cluster-name = ${node-manager.management.hostname}-${?SITE}");
        var config = NodeManagerConfig.Load([file], ConfigResolveOptions.WithEnvironment(new Dictionary<string, string> { ["SITE"] = "ams" }));
        Assert.Equal("127.0.0.1-ams", config.GetString("node-manager.cluster-name"));
    }

    [Fact]
    public void A_tracker_must_record_reads_through_sub_configs_and_enumerations()
    {
        var tracker = new ConfigKeyTracker();
        var config = tracker.Track(NodeManagerConfig.Reference);
        _ = config.GetConfig("node-manager.management").GetInt("port");
        _ = config.GetConfig("node-manager.logging").Keys.ToList();
        Assert.Equal(["node-manager.logging.*", "node-manager.management.port"], tracker.ReadPaths);
        Assert.True(tracker.Covers("node-manager.logging.file.path"));
        Assert.False(tracker.Covers("node-manager.management.hostname"));
        Assert.Contains("node-manager.management.hostname", ReferenceKeys.NotReadBy(tracker));
        Assert.Empty(ReferenceKeys.Undocumented(tracker));
    }

    [Fact]
    public void Enumerating_an_empty_object_must_cover_it_as_a_leaf()
    {
        var tracker = new ConfigKeyTracker();
        _ = tracker.Track(ConfigFactory.ParseString("a { map { } }")).GetConfig("a.map").Keys.ToList();
        Assert.True(tracker.Covers("a.map"));
        Assert.False(tracker.Covers("a.mapping"));
    }
}
