namespace NodeManager.Hocon.Tests;

public sealed class SubstitutionSpec
{
    [Fact]
    public void Substitutions_must_look_forward_and_keep_the_type()
    {
        var c = Hocon.Resolve("a = ${b}\nb = { x = 1 }\nn = ${b.x}");
        Assert.Equal(1, c.GetInt("a.x"));
        Assert.Equal(ConfigValueType.Number, c.GetValue("n").ValueType);
    }

    [Fact]
    public void Substitutions_in_concatenations_must_become_strings_and_a_substituted_null_must_become_the_text_null()
    {
        // HOCON.md, "String value concatenation": null becomes "null", and a substitution's value is converted the same way.
        Assert.Equal("x=1;y=null", Hocon.Resolve("one = 1\nnothing = null\ns = \"x=\"${one}\";y=\"${nothing}").GetString("s"));
        Assert.Equal("true null", Hocon.Resolve("a = true\nn = null\nx = ${a} ${n}").GetString("x"));
    }

    [Fact]
    public void A_substitution_to_null_standing_alone_must_stay_null_and_an_undefined_optional_one_must_become_empty()
    {
        var c = Hocon.Resolve("n = null\nalone = ${n}\ns = a${?undefined}b");
        Assert.True(c.HasPathOrNull("alone"));
        Assert.Equal(ConfigValueType.Null, c.GetValue("alone").ValueType);
        Assert.Equal("ab", c.GetString("s"));
    }

    [Fact]
    public void An_object_must_be_able_to_refer_to_a_field_inside_itself()
    {
        Assert.Equal(42, Hocon.Resolve("bar : { foo : 42, baz : ${bar.foo} }").GetInt("bar.baz"));
    }

    [Fact]
    public void Optional_substitution_to_nothing_must_leave_the_field_unset_or_keep_the_previous_value()
    {
        var c = Hocon.Resolve("a = ${?missing}\nb = 1\nb = ${?missing}");
        Assert.False(c.HasPathOrNull("a"));
        Assert.Equal(1, c.GetInt("b"));
    }

    [Fact]
    public void Environment_variables_must_fill_substitutions_missing_from_the_config()
    {
        var env = new Dictionary<string, string> { ["OS_AUTH_URL"] = "https://keystone:5000/v3", ["EMPTY"] = "" };
        var c = Hocon.Resolve("url = ${OS_AUTH_URL}\nurl2 = ${?OS_AUTH_URL}\nempty = x\nempty = ${?EMPTY}", env);
        Assert.Equal("https://keystone:5000/v3", c.GetString("url"));
        Assert.Equal("https://keystone:5000/v3", c.GetString("url2"));
        Assert.Equal("x", c.GetString("empty"));
    }

    [Fact]
    public void A_config_value_even_null_must_win_over_the_environment()
    {
        var env = new Dictionary<string, string> { ["HOME"] = "/root" };
        Assert.False(Hocon.Resolve("HOME = null\nh = ${HOME}", env).HasPath("h"));
    }

    [Fact]
    public void Self_reference_must_see_the_previous_value()
    {
        var c = Hocon.Resolve("path = \"/bin\"\npath = ${path}\":/opt/x\"\nlist = [1]\nlist = ${list} [2]\nobj { a = 1 }\nobj = ${obj} { b = 2 }");
        Assert.Equal("/bin:/opt/x", c.GetString("path"));
        Assert.Equal([1, 2], c.GetIntList("list"));
        Assert.Equal(1, c.GetInt("obj.a"));
        Assert.Equal(2, c.GetInt("obj.b"));
    }

    [Fact]
    public void Self_reference_must_chain_over_several_definitions_and_files()
    {
        var reference = ConfigFactory.ParseString("path = a", "reference.conf");
        var app = ConfigFactory.ParseString("path = ${path}\":b\"\npath = ${path}\":c\"", "app.conf");
        Assert.Equal("a:b:c", app.WithFallback(reference).Resolve(ConfigResolveOptions.NoEnvironment).GetString("path"));
    }

    [Fact]
    public void Plus_equals_must_append_to_a_list_or_start_one()
    {
        var c = Hocon.Resolve("a = [1]\na += 2\na += ${x}\nx = 3\nb += hello");
        Assert.Equal([1, 2, 3], c.GetIntList("a"));
        Assert.Equal(["hello"], c.GetStringList("b"));
    }

    [Fact]
    public void Nested_self_reference_must_look_back_at_the_nested_path()
    {
        Assert.Equal("12", Hocon.Resolve("a { b = 1 }\na.b = ${a.b}2").GetString("a.b"));
    }

    [Fact]
    public void A_cycle_must_fail_naming_the_cycle_but_an_optional_one_must_vanish()
    {
        var e = Hocon.Error("a = ${b}\nb = ${a}");
        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
        Assert.Contains("a -> b -> a", e.Message, StringComparison.Ordinal);
        Assert.False(Hocon.Resolve("a = ${?a}").HasPathOrNull("a"));
    }

    [Fact]
    public void Lists_must_drop_undefined_optional_elements()
    {
        Assert.Equal(["x"], Hocon.Resolve("l = [${?nope}, x]").GetStringList("l"));
    }

    [Fact]
    public void Self_reference_to_a_path_inside_the_previous_value_must_merge_like_the_spec_example()
    {
        Assert.Equal("{\"foo\":{\"a\":2,\"c\":1}}", Hocon.Json("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }"));
    }

    [Fact]
    public void A_substitution_must_see_the_merged_object_not_the_first_definition()
    {
        Assert.Equal(43, Hocon.Resolve("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }").GetInt("bar.baz"));
    }

    [Fact]
    public void Mutually_referring_objects_must_resolve()
    {
        var c = Hocon.Resolve("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4");
        Assert.Equal(4, c.GetInt("bar.a"));
        Assert.Equal(3, c.GetInt("foo.c"));
    }

    [Fact]
    public void An_optional_self_reference_with_nothing_before_must_look_back_at_nothing()
    {
        Assert.Equal("foo", Hocon.Resolve("a = ${?a}foo").GetString("a"));
    }

    [Fact]
    public void A_three_way_cycle_must_be_reported()
    {
        Assert.Contains("is part of a cycle", Hocon.Error("a : ${b}\nb : ${c}\nc : ${a}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_referring_to_its_own_parent_must_be_a_cycle()
    {
        Assert.Contains("is part of a cycle", Hocon.Error("foo { bar = ${foo} }").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitutions_in_lists_and_lists_of_objects_must_resolve()
    {
        var c = Hocon.Resolve("base { port = 1 }\nservers = [ ${base} { name = a }, ${base} { port = 2, name = b } ]");
        Assert.Equal([1, 2], c.GetConfigList("servers").Select(s => s.GetInt("port")));
        Assert.Equal(["a", "b"], c.GetConfigList("servers").Select(s => s.GetString("name")));
    }
}
