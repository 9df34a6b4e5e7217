using System.Numerics;

namespace NodeManager.Hocon.Tests;

/// <summary>The assertions of Lightbend's ConfigTest on test01.conf (and its .json / .properties siblings).</summary>
public sealed class Test01Spec
{
    private static Config Conf => ConfigFactory.ParseFile(Path.Combine(SharedFixtures.Lightbend, "test01.conf")).Resolve(ConfigResolveOptions.NoEnvironment);

    // ConfigFactory.load("test01"): .conf over .json over .properties.
    private static Config Merged => ConfigFactory.ParseString("include \"test01\"", "load(test01)", SharedFixtures.Lightbend).Resolve(ConfigResolveOptions.NoEnvironment);

    [Fact]
    public void Test01_must_resolve_without_environment_exactly_as_the_reference_implementation_rendered_it()
    {
        var expected = ConfigFactory.ParseFile(Path.Combine(SharedFixtures.Hocon, "derived", "test01.resolved-noenv.json")).Resolve(ConfigResolveOptions.NoEnvironment);

        Assert.True(ConfigValueEquality.AreEqual(expected.Root, Conf.Root), ConfigRenderer.RenderJson(Conf.Root));
    }

    [Fact]
    public void Test01_getters_must_convert_like_lightbend()
    {
        var c = Conf;
        Assert.Equal(42, c.GetInt("ints.fortyTwoAgain"));
        Assert.Equal(ConfigValueType.String, c.GetValue("floats.pointThirtyThree").ValueType);
        Assert.Equal(".33", c.GetString("floats.pointThirtyThree"));
        Assert.Equal(0.33, c.GetDouble("floats.pointThirtyThree"), 10);
        Assert.Equal("null bar 42 baz true 3.14 hi", c.GetString("strings.concatenated"));
        Assert.Equal(["a", "b"], c.GetStringList("arrays.firstElementNotASubst"));
        Assert.Equal(3, c.GetConfigList("arrays.ofObject").Count);
        Assert.Equal(42, c.GetConfigList("arrays.ofObject")[0].GetInt("fortyTwo"));
        Assert.Equal(57, c.GetInt("strings.number"));
        Assert.True(c.GetBoolean("strings.yes"));
        Assert.False(c.GetBoolean("strings.no"));
        Assert.Equal("Your Java version is  and your user.home is ", c.GetString("system.concatenated"));
    }

    [Fact]
    public void Test01_durations_must_read_with_units()
    {
        var c = Conf;
        Assert.Equal(TimeSpan.FromSeconds(1), c.GetTimeSpan("durations.second"));
        Assert.Equal([1000, 2000, 3000, 4000], c.GetTimeSpanList("durations.secondsList").Select(t => t.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(1), c.GetTimeSpan("durations.secondAsNumber"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), c.GetTimeSpan("durations.halfSecond"));
        Assert.Equal(TimeSpan.FromMilliseconds(1), c.GetTimeSpan("durations.millis"));
        Assert.Equal(TimeSpan.FromMilliseconds(2), c.GetTimeSpan("durations.micros"));
        Assert.Equal(4878955355435272204L, c.GetNanoseconds("durations.largeNanos"));
        Assert.Equal(4878955355435272204L, c.GetNanoseconds("durations.plusLargeNanos"));
        Assert.Equal(-4878955355435272204L, c.GetNanoseconds("durations.minusLargeNanos"));
        Assert.Equal(TimeSpan.FromDays(1), c.GetTimeSpan("periods.day"));
    }

    [Fact]
    public void Test01_periods_must_read_days_weeks_months_and_years()
    {
        var c = Conf;
        Assert.Equal(new ConfigPeriod(0, 0, 1), c.GetPeriod("periods.day"));
        Assert.Equal(new ConfigPeriod(0, 0, 2), c.GetPeriod("periods.dayAsNumber"));
        Assert.Equal(new ConfigPeriod(0, 0, 21), c.GetPeriod("periods.week"));
        Assert.Equal(new ConfigPeriod(0, 5, 0), c.GetPeriod("periods.month"));
        Assert.Equal(new ConfigPeriod(8, 0, 0), c.GetPeriod("periods.year"));
        Assert.Throws<ConfigException>(() => c.GetPeriod("durations.halfSecond"));
    }

    [Fact]
    public void Test01_sizes_must_read_with_binary_and_decimal_units()
    {
        var c = Conf;
        Assert.Equal(1048576, c.GetByteSize("memsizes.meg"));
        Assert.Equal([1048576L, 1048576L, 1048576L], c.GetByteSizeList("memsizes.megsList"));
        Assert.Equal(1048576, c.GetByteSize("memsizes.megAsNumber"));
        Assert.Equal(524288, c.GetByteSize("memsizes.halfMeg"));
        Assert.Equal(BigInteger.Pow(10, 24), c.GetByteSizeBig("memsizes.yottabyte"));
        var tooBig = Assert.Throws<ConfigException>(() => c.GetByteSize("memsizes.yottabyte"));
        Assert.Contains("memsizes.yottabyte", tooBig.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test01_must_merge_its_json_and_properties_siblings_under_the_conf()
    {
        var c = Merged;
        Assert.Equal(1, c.GetInt("fromJson1"));
        Assert.Equal("A", c.GetString("fromJsonA"));
        Assert.Equal("abc", c.GetString("fromProps.abc"));
        Assert.Equal(ConfigValueType.String, c.GetValue("fromProps.one").ValueType);
        Assert.Equal(1, c.GetInt("fromProps.one"));
        Assert.True(c.GetBoolean("fromProps.bool"));
        Assert.Equal(42, c.GetInt("ints.fortyTwo"));
    }
}
