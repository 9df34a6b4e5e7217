namespace NodeManager.Hocon.Tests;

/// <summary>Inputs that must fail, each with the exact FILE:LINE:COL, key and message an operator would see.</summary>
public sealed class ErrorOriginSpec
{
    public static TheoryData<string, string> Failures() => new()
    {
        { "a = [1, 2", "test.conf:1:10: a: end of file inside the list opened at test.conf:1:5; expected ']'" },
        { "a {\n  b = 1", "test.conf:2:8: a: end of file inside the object opened at test.conf:1:3; expected '}'" },
        { "a = \"unterminated", "test.conf:1:5: a: unterminated quoted string (no closing '\"')" },
        { "a = x\n}", "test.conf:2:1: unexpected '}' without a matching '{'" },
        { "a = b = c", "test.conf:1:7: a: expected ',', a newline or '}' after a field, got '='; put a value that contains '=' in double quotes" },
        { "url = http://keystone:5000/v3", "test.conf:1:11: url: expected ',', a newline or '}' after a field, got ':'; put a value that contains ':' in double quotes" },
        { "x {\n  y = ${missing.path}\n}", "test.conf:2:7: x.y: could not resolve substitution ${missing.path}: no setting at missing.path" },
        { "a = ${b}\nb = ${a}", "test.conf:2:5: b: substitution ${a} is part of a cycle: a -> b -> a" },
        { "a = [1] x", "test.conf:1:9: a: cannot concatenate a string with a list; concatenate lists with lists and objects with objects" },
        { "a = $x", "test.conf:1:5: a: reserved character '$' is not allowed outside quotes; put the value in double quotes" },
        { "a.b..c = 1", "test.conf:1:1: path has an empty element (a leading, trailing or doubled '.'); quote it (\"\") if an empty key is meant" },
        { "${x} = 1", "test.conf:1:1: expected a key, got substitution ${x}" },
        { "a = \"bad \\q escape\"", "test.conf:1:10: a: invalid escape '\\q' in quoted string" },
        { "a = \"line\nbreak\"", "test.conf:1:10: a: newline inside a quoted string; use \\n or a \"\"\"triple-quoted\"\"\" string" },
        { "a = \"tab\there\"", "test.conf:1:9: a: control character U+0009 inside a quoted string; write it as a backslash escape" },
        { "a = 1,,", "test.conf:1:7: a: two commas in a row" },
        { "[1, 2]", "test.conf:1:1: a configuration must have an object at its root, not an array" },
        { "a = \"\"\"never closed", "test.conf:1:5: a: unterminated triple-quoted string (no closing '\"\"\"')" },
        { "include foo", "test.conf:1:9: include must be followed by a quoted string, file(\"…\"), url(\"…\"), classpath(\"…\") or required(…)" },
        { "a = [1,,2]", "test.conf:1:8: a: unexpected ',' in a list (an element is missing)" },
        { "a = { x = 1 } \"s\"", "test.conf:1:15: a: cannot concatenate a string with an object; concatenate lists with lists and objects with objects" },
        { "node-manager {\n  port\n}", "test.conf:3:1: node-manager.port: expected ':', '=', '+=' or '{' after the key, got '}'" },
        { "a = ", "test.conf:1:5: a: expected a value, got end of file" },
        { "a = 1\nb = ${a.x}", "test.conf:2:5: b: could not resolve substitution ${a.x}: no setting at a.x" },
        { "a = ${?b", "test.conf:1:5: a: unterminated substitution (no closing '}')" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Invalid_input_must_fail_with_a_precise_origin(string text, string message)
    {
        Assert.Equal(message, Hocon.Error(text).Message);
    }

    [Fact]
    public void The_typed_getter_mismatch_must_name_file_line_column_and_key()
    {
        var c = ConfigFactory.ParseString("node-manager {\n  capacity {\n    interval = fast\n  }\n}", "demo.conf");
        var e = Assert.Throws<ConfigException>(() => c.GetTimeSpan("node-manager.capacity.interval"));
        Assert.Equal("demo.conf:3:16: node-manager.capacity.interval: expected a duration (e.g. 500ms, 10s, 5m), got \"fast\"", e.Message);
        Assert.Equal(new ConfigOrigin("demo.conf", 3, 16), e.Origin);
        Assert.Equal("node-manager.capacity.interval", e.Path);
    }

    [Fact]
    public void Runaway_nesting_must_fail_with_an_error_instead_of_overflowing_the_stack()
    {
        var e = Hocon.Error("a = " + new string('[', 100_000));
        Assert.Equal("test.conf:1:261: a: objects and lists nested more than 256 deep", e.Message);
    }
}
