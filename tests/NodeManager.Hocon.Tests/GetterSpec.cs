using System.Numerics;

namespace NodeManager.Hocon.Tests;

public sealed class GetterSpec
{
    [Theory]
    [InlineData("1ns", 1L)]
    [InlineData("1 nanosecond", 1L)]
    [InlineData("3us", 3_000L)]
    [InlineData("3 microseconds", 3_000L)]
    [InlineData("5ms", 5_000_000L)]
    [InlineData("5 millis", 5_000_000L)]
    [InlineData("2s", 2_000_000_000L)]
    [InlineData("2 seconds", 2_000_000_000L)]
    [InlineData("1.5m", 90_000_000_000L)]
    [InlineData("1 minute", 60_000_000_000L)]
    [InlineData("2h", 7_200_000_000_000L)]
    [InlineData("1 hours", 3_600_000_000_000L)]
    [InlineData("1d", 86_400_000_000_000L)]
    [InlineData("2 days", 172_800_000_000_000L)]
    [InlineData("250", 250_000_000L)]
    public void Durations_must_accept_every_unit_of_the_spec(string text, long nanos)
    {
        Assert.Equal(nanos, Hocon.Resolve($"d = {text}").GetNanoseconds("d"));
    }

    [Theory]
    [InlineData("10", "10")]
    [InlineData("10B", "10")]
    [InlineData("10 bytes", "10")]
    [InlineData("1K", "1024")]
    [InlineData("1k", "1024")]
    [InlineData("1Ki", "1024")]
    [InlineData("1KiB", "1024")]
    [InlineData("1 kibibyte", "1024")]
    [InlineData("1kB", "1000")]
    [InlineData("1 kilobytes", "1000")]
    [InlineData("1MB", "1000000")]
    [InlineData("1MiB", "1048576")]
    [InlineData("1.5GiB", "1610612736")]
    [InlineData("1TB", "1000000000000")]
    [InlineData("1PiB", "1125899906842624")]
    [InlineData("1EB", "1000000000000000000")]
    [InlineData("1ZB", "1000000000000000000000")]
    [InlineData("2YiB", "2417851639229258349412352")]
    public void Sizes_must_accept_every_unit_of_the_spec(string text, string bytes)
    {
        Assert.Equal(BigInteger.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture), Hocon.Resolve($"s = {text}").GetByteSizeBig("s"));
    }

    [Theory]
    [InlineData("5 mins")]
    [InlineData("5 S")]
    [InlineData("soon")]
    [InlineData("true")]
    public void Durations_with_unknown_units_must_be_rejected(string text)
    {
        var e = Assert.Throws<ConfigException>(() => Hocon.Resolve($"d = {text}").GetTimeSpan("d"));
        Assert.StartsWith("test.conf:1:5: d: expected a duration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_getters_must_convert_strings_per_the_spec()
    {
        var c = Hocon.Resolve("i = \"12\"\nb1 = yes\nb2 = off\nd = \"2.5\"\nn = 7");
        Assert.Equal(12, c.GetInt("i"));
        Assert.True(c.GetBoolean("b1"));
        Assert.False(c.GetBoolean("b2"));
        Assert.Equal(2.5, c.GetDouble("d"));
        Assert.Equal("7", c.GetString("n"));
        Assert.Equal(7L, c.GetLong("n"));
    }

    [Fact]
    public void Typed_getters_must_refuse_what_the_spec_says_not_to_convert()
    {
        var c = Hocon.Resolve("o { }\nl = [1]\nn = null\nf = 1.5\nbig = 3000000000");
        Assert.Throws<ConfigException>(() => c.GetString("o"));
        Assert.Throws<ConfigException>(() => c.GetString("l"));
        Assert.Throws<ConfigException>(() => c.GetString("n"));
        Assert.Throws<ConfigException>(() => c.GetInt("f"));
        Assert.Throws<ConfigException>(() => c.GetInt("big"));
        Assert.Equal(3_000_000_000L, c.GetLong("big"));
        Assert.Null(c.GetStringOrNull("n"));
        Assert.Null(c.GetStringOrNull("absent"));
    }

    [Fact]
    public void A_missing_key_must_fail_naming_the_absolute_path()
    {
        var e = Assert.Throws<ConfigException>(() => Hocon.Resolve("a { b = 1 }").GetConfig("a").GetInt("c"));
        Assert.Equal("a.c: no setting at this path", e.Message);
    }

    [Fact]
    public void A_list_element_of_the_wrong_type_must_be_named_with_its_index_and_origin()
    {
        var e = Assert.Throws<ConfigException>(() => Hocon.Resolve("l = [1, x]").GetIntList("l"));
        Assert.Equal("test.conf:1:9: l.1: expected an integer (-2147483648..2147483647), got \"x\"", e.Message);
    }

    [Fact]
    public void A_value_from_the_environment_must_carry_the_origin_of_the_substitution_that_read_it()
    {
        var c = Hocon.Resolve("port = 1\nport = ${?PORT}", new Dictionary<string, string> { ["PORT"] = "eighty" });
        var e = Assert.Throws<ConfigException>(() => c.GetInt("port"));
        Assert.Equal("test.conf:2:8: port: expected an integer (-2147483648..2147483647), got \"eighty\"", e.Message);
    }
}
