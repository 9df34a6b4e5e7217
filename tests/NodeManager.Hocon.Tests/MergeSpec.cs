namespace NodeManager.Hocon.Tests;

public sealed class MergeSpec
{
    private static Config Parse(string text, string origin) => ConfigFactory.ParseString(text, origin);

    [Fact]
    public void WithFallback_must_merge_objects_and_let_the_first_config_win()
    {
        var c = Parse("a { x = 1 }\nb = 1", "app").WithFallback(Parse("a { x = 0, y = 2 }\nb = 0\nc = 3", "ref"));
        Assert.Equal("{\"a\":{\"x\":1,\"y\":2},\"b\":1,\"c\":3}", ConfigRenderer.RenderJson(c.Root, indent: false));
        Assert.Equal("app", c.GetOrigin("a.x")!.Description);
        Assert.Equal("ref", c.GetOrigin("a.y")!.Description);
    }

    [Fact]
    public void A_non_object_in_between_must_hide_lower_objects()
    {
        var c = Parse("a { x = 1 }", "1").WithFallback(Parse("a = 42", "2")).WithFallback(Parse("a { y = 2 }", "3"));
        Assert.Equal("{\"a\":{\"x\":1}}", ConfigRenderer.RenderJson(c.Root, indent: false));
    }

    [Fact]
    public void Substitutions_must_resolve_across_the_merged_configs()
    {
        var c = Parse("dir = /srv", "app").WithFallback(Parse("dir = /var\ndata = ${dir}/data", "ref")).Resolve(ConfigResolveOptions.NoEnvironment);
        Assert.Equal("/srv/data", c.GetString("data"));
    }

    [Fact]
    public void Getters_on_an_unresolved_config_must_resolve_it_first()
    {
        Assert.Equal(2, Parse("a = 2\nb = ${a}", "x").GetInt("b"));
    }

    [Fact]
    public void Values_must_carry_line_and_column_of_where_they_were_written()
    {
        var c = Parse("a {\n  b =   5\n}", "f.conf");
        Assert.Equal(new ConfigOrigin("f.conf", 2, 9), c.GetOrigin("a.b"));
    }

    [Fact]
    public void GetConfig_must_report_absolute_paths_and_observers_must_see_every_read()
    {
        var reads = new List<string>();
        var c = Parse("node-manager { capacity { interval = fast } }", "demo.conf").WithReadObserver(reads.Add);
        var section = c.GetConfig("node-manager.capacity");
        var e = Assert.Throws<ConfigException>(() => section.GetTimeSpan("interval"));
        Assert.Equal("demo.conf:1:38: node-manager.capacity.interval: expected a duration (e.g. 500ms, 10s, 5m), got \"fast\"", e.Message);
        _ = section.HasPath("other");
        _ = section.Keys.ToList();
        Assert.Equal(["node-manager.capacity.interval", "node-manager.capacity.other", "node-manager.capacity.*"], reads);
    }

    [Fact]
    public void BadValue_must_name_origin_and_absolute_key()
    {
        var c = Parse("s { min = 5\n max = 3 }", "ops.conf").GetConfig("s");
        var e = ConfigException.BadValue(c, "max", "must be at least min (5)");
        Assert.Equal("ops.conf:2:8: s.max: must be at least min (5)", e.Message);
        Assert.Equal("s.max", e.Path);
        Assert.Equal(new ConfigOrigin("ops.conf", 2, 8), e.Origin);
    }

    [Fact]
    public void ToString_of_a_config_that_cannot_resolve_must_show_the_parsed_tree_instead_of_throwing()
    {
        Assert.Contains("${nowhere}", Parse("a = ${nowhere}", "x").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_object_must_stay_hidden_behind_an_unresolved_value()
    {
        var c = Parse("a = ${x}\nx { p = 1 }", "1").WithFallback(Parse("a = 42\na { q = 2 }", "2")).WithFallback(Parse("a { r = 3 }", "3"));
        // File 2's {q} was merged over 42, so file 3's {r} is hidden even though ${x} is resolved last.
        var a = c.Resolve(ConfigResolveOptions.NoEnvironment).GetConfig("a");
        Assert.Equal(["p", "q"], a.Keys.Order(StringComparer.Ordinal));
    }
}
