namespace NodeManager.Hocon.Tests;

public sealed class SyntaxSpec
{
    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("{ a = 1 }")]
    [InlineData("\"a\" = 1,")]
    [InlineData("a = 1 // trailing comment")]
    [InlineData("# heading\na = 1 # trailing")]
    public void Separators_braces_and_comments_must_all_read_the_same(string text)
    {
        Assert.Equal("{\"a\":1}", Hocon.Json(text));
    }

    [Fact]
    public void A_separator_may_only_be_omitted_before_an_object()
    {
        Assert.Contains("expected ':', '=', '+=' or '{' after the key", Hocon.Error("a 1\nb = 2").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Omitted_separator_must_be_allowed_before_an_object()
    {
        Assert.Equal("{\"a\":{\"b\":1}}", Hocon.Json("a { b = 1 }"));
    }

    [Fact]
    public void Newlines_must_separate_fields_and_elements_like_commas()
    {
        Assert.Equal("{\"a\":[1,2,3],\"b\":2}", Hocon.Json("a = [\n1\n2,\n3,\n]\nb = 2"));
    }

    [Fact]
    public void Path_keys_must_expand_and_quoted_segments_must_keep_their_dots()
    {
        var c = Hocon.Resolve("a.b.\"c.d\" = 1\n\"x.y\" = 2");
        Assert.Equal(1, c.GetInt("a.b.\"c.d\""));
        Assert.Equal(2, c.GetInt("\"x.y\""));
        Assert.False(c.HasPath("x.y"));
    }

    [Fact]
    public void Numeric_looking_keys_must_stay_strings_and_split_on_dots()
    {
        var c = Hocon.Resolve("1.5 = x\n10 = y");
        Assert.Equal("x", c.GetString("1.5"));
        Assert.Equal(["5"], c.GetConfig("1").Keys);
        Assert.Equal("y", c.GetString("10"));
    }

    [Fact]
    public void Duplicate_object_keys_must_merge_and_scalars_must_override()
    {
        Assert.Equal("{\"a\":{\"x\":1,\"y\":3,\"z\":4}}", Hocon.Json("a { x = 1, y = 2 }\na { y = 3 }\na.z = 4"));
    }

    [Fact]
    public void Null_must_hide_an_earlier_object_and_a_later_object_must_start_over()
    {
        Assert.Equal("{\"a\":{\"y\":2}}", Hocon.Json("a { x = 1 }\na = null\na { y = 2 }"));
        Assert.False(Hocon.Resolve("a { x = 1 }\na = null").HasPath("a"));
        Assert.True(Hocon.Resolve("a { x = 1 }\na = null").HasPathOrNull("a"));
    }

    [Fact]
    public void Unquoted_strings_must_keep_inner_whitespace_and_drop_outer()
    {
        Assert.Equal("hello big   world", Hocon.Resolve("a =   hello big   world   ").GetString("a"));
    }

    [Fact]
    public void Quoted_strings_must_apply_json_escapes()
    {
        Assert.Equal("tab\there \"q\" \\ é /", Hocon.Resolve("a = \"tab\\there \\\"q\\\" \\\\ \\u00e9 \\/\"").GetString("a"));
    }

    [Fact]
    public void Triple_quoted_strings_must_keep_newlines_and_backslashes_raw()
    {
        Assert.Equal("line1\n  \"line2\" \\n", Hocon.Resolve("a = \"\"\"line1\n  \"line2\" \\n\"\"\"").GetString("a"));
    }

    [Fact]
    public void Value_concatenation_must_join_strings_numbers_and_booleans_as_text()
    {
        var c = Hocon.Resolve("a = 10 seconds\nb = true \"x\" 1.50\nc = \"foo\"bar");
        Assert.Equal("10 seconds", c.GetString("a"));
        Assert.Equal("true x 1.50", c.GetString("b"));
        Assert.Equal("foobar", c.GetString("c"));
    }

    [Fact]
    public void Lists_and_objects_must_concatenate_with_their_own_kind()
    {
        Assert.Equal("{\"a\":[1,2,3],\"b\":{\"x\":1,\"y\":3}}", Hocon.Json("a = [1] [2, 3]\nb = { x = 1, y = 2 } { y = 3 }"));
    }

    [Fact]
    public void Numbers_booleans_and_null_must_keep_their_types()
    {
        var root = Hocon.Resolve("i = 42\nd = -1.5e3\nt = true\nn = null\ns = \"42\"").Root;
        Assert.Equal(ConfigValueType.Number, root["i"]!.ValueType);
        Assert.Equal(-1500.0, ((ConfigScalar)root["d"]!).Unwrapped);
        Assert.Equal(true, ((ConfigScalar)root["t"]!).Unwrapped);
        Assert.Equal(ConfigValueType.Null, root["n"]!.ValueType);
        Assert.Equal(ConfigValueType.String, root["s"]!.ValueType);
    }

    [Fact]
    public void Include_word_must_only_be_special_at_the_start_of_a_key()
    {
        var c = Hocon.Resolve("foo include = 1\nbar = include\n\"include\" = 2\nlist = [include]");
        Assert.Equal(1, c.GetInt("\"foo include\""));
        Assert.Equal("include", c.GetString("bar"));
        Assert.Equal(2, c.GetInt("\"include\""));
        Assert.Equal(["include"], c.GetStringList("list"));
    }

    [Fact]
    public void Keys_must_list_top_level_keys_and_AsEnumerable_every_leaf()
    {
        var c = Hocon.Resolve("a { b = 1, c { d = [1] } }\ne = x");
        Assert.Equal(["a", "e"], c.Keys);
        Assert.Equal(["a.b", "a.c.d", "e"], c.AsEnumerable().Select(kv => kv.Key));
        Assert.Equal(["b", "c"], c.GetConfig("a").Keys);
    }

    [Fact]
    public void An_empty_document_must_be_an_empty_config()
    {
        Assert.True(Hocon.Resolve("  \n# nothing\n").IsEmpty);
    }

    [Theory]
    [InlineData('\u00A0')]
    [InlineData('\u2007')]
    [InlineData('\u202F')]
    [InlineData('\u2028')]
    [InlineData('\u001F')]
    [InlineData('\uFEFF')]
    [InlineData('\v')]
    public void Unicode_separators_and_no_break_spaces_must_be_whitespace(char space)
    {
        // Outer whitespace is dropped; whitespace inside a value concatenation is kept as written.
        var config = Hocon.Resolve($"{space}a{space}={space}x{space}y{space}");
        Assert.Equal(["a"], config.Keys);
        Assert.Equal($"x{space}y", config.GetString("a"));
    }

    [Fact]
    public void Trailing_commas_must_be_allowed_once_but_leading_or_double_commas_must_fail()
    {
        Assert.Equal("{\"a\":[1,2],\"b\":1}", Hocon.Json("a = [1, 2,], b = 1,"));
        Assert.Throws<ConfigException>(() => Hocon.Resolve("a = [,1]"));
        Assert.Throws<ConfigException>(() => Hocon.Resolve("a = [1,,]"));
        Assert.Throws<ConfigException>(() => Hocon.Resolve("{ , a = 1 }"));
    }
}
