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
    public void Substitutions_in_concatenations_must_become_strings_and_null_must_become_empty()
    {
        Assert.Equal("x=1;y=", Hocon.Resolve("one = 1\nnothing = null\ns = \"x=\"${one}\";y=\"${nothing}").GetString("s"));
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
}
