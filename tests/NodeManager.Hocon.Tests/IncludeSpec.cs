namespace NodeManager.Hocon.Tests;

public sealed class IncludeSpec : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private Config Load(string main) => ConfigFactory.ParseFile(_dir.Write("main.conf", main)).Resolve(ConfigResolveOptions.NoEnvironment);

    [Fact]
    public void All_include_forms_must_load_the_file()
    {
        _dir.Write("a.conf", "a = 1");
        _dir.Write("b.conf", "b = 2");
        _dir.Write("c.conf", "c = 3");
        var c = Load("include \"a.conf\"\ninclude file(\"b.conf\")\ninclude required( file( \"c.conf\" ) )");
        Assert.Equal([1, 2, 3], new[] { c.GetInt("a"), c.GetInt("b"), c.GetInt("c") });
    }

    [Fact]
    public void Includes_must_resolve_relative_to_the_including_file_and_nest()
    {
        _dir.Write("sub/one.conf", "include \"two.conf\"\none = 1");
        _dir.Write("sub/two.conf", "two = 2");
        var c = Load("x { include \"sub/one.conf\" }");
        Assert.Equal(1, c.GetInt("x.one"));
        Assert.Equal(2, c.GetInt("x.two"));
    }

    [Fact]
    public void A_missing_optional_include_must_be_ignored_and_a_missing_required_one_must_fail_at_the_statement()
    {
        Assert.Equal(1, Load("include \"nope.conf\"\na = 1").GetInt("a"));
        var e = Assert.Throws<ConfigException>(() => Load("a = 1\ninclude required(\"nope.conf\")"));
        Assert.StartsWith(System.IO.Path.Combine(_dir.Path, "main.conf") + ":2:9: required include \"nope.conf\" not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Included_substitutions_must_be_fixed_up_to_the_include_point_and_see_later_overrides()
    {
        _dir.Write("foo.conf", "x = 10\ny = ${x}\nhome = ${?ROOT_LEVEL}");
        var c = Load("a { include \"foo.conf\" }\na { x = 42 }\nROOT_LEVEL = r");
        Assert.Equal(42, c.GetInt("a.y"));
        Assert.Equal("r", c.GetString("a.home"));
    }

    [Fact]
    public void An_extensionless_include_must_merge_properties_then_json_then_conf()
    {
        _dir.Write("multi.properties", "p = prop\nshared = prop\nnum=1");
        _dir.Write("multi.json", "{ \"j\": \"json\", \"shared\": \"json\" }");
        _dir.Write("multi.conf", "c = conf\nshared = conf");
        var c = Load("include \"multi\"");
        Assert.Equal(["prop", "json", "conf", "conf"], new[] { c.GetString("p"), c.GetString("j"), c.GetString("c"), c.GetString("shared") });
        Assert.Equal(ConfigValueType.String, c.GetValue("num").ValueType);
    }

    [Fact]
    public void Include_must_merge_with_keys_before_and_be_overridden_by_keys_after()
    {
        _dir.Write("inc.conf", "o { b = 2, c = 2 }");
        var c = Load("o { a = 1, b = 1 }\ninclude \"inc.conf\"\no.c = 3");
        Assert.Equal("{\"o\":{\"a\":1,\"b\":2,\"c\":3}}", ConfigRenderer.RenderJson(c.Root, indent: false));
    }

    [Fact]
    public void A_file_that_includes_itself_must_fail_instead_of_recursing_forever()
    {
        var e = Assert.Throws<ConfigException>(() => Load("include \"main.conf\""));
        Assert.Contains("nested more than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_urls_must_load_and_classpath_must_be_refused_with_a_reason()
    {
        var target = _dir.Write("u.conf", "u = 1");
        Assert.Equal(1, Load($"include url(\"{new Uri(target).AbsoluteUri}\")").GetInt("u"));
        var e = Assert.Throws<ConfigException>(() => Load("include classpath(\"reference.conf\")"));
        Assert.EndsWith("main.conf:1:9: include classpath(\"reference.conf\"): there is no classpath in .NET; use file(\"…\")", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_included_file_must_report_its_own_errors_with_its_own_name()
    {
        _dir.Write("broken.conf", "x = [1,");
        var e = Assert.Throws<ConfigException>(() => Load("include \"broken.conf\""));
        Assert.Contains("broken.conf:1:8: x: end of file inside the list", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_included_file_must_hold_an_object()
    {
        _dir.Write("list.json", "[1, 2]");
        var e = Assert.Throws<ConfigException>(() => Load("include \"list.json\""));
        Assert.Contains("list.json:1:1: a configuration must have an object at its root", e.Message, StringComparison.Ordinal);
    }
}
