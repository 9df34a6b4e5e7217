using NodeManager.Hocon.Akka;
using AkkaConfig = Akka.Configuration.Config;

namespace NodeManager.Hocon.Tests.Akka;

/// <summary>An operator's file, read by our parser only, must reach Akka's getters with every value unchanged.</summary>
public sealed class AkkaConfigConverterSpec : IDisposable
{
    private const string Main = """"
        include "remote.conf"

        log-level = INFO
        log-level = ${?NM_LOG_LEVEL}

        akka {
          loglevel = ${log-level}
          actor {
            ask-timeout = 7s
            serialization-bindings {
              "My.Type, My.Assembly" = json
            }
          }
          values {
            text = "say \"hi\" for $5 {now}, # not a comment"
            unquoted = plain words here
            multi-line = """first line
          second line"""
            unicode = "żółw 🐢 ü"
            int = 42
            negative = -3
            long = 9007199254740993
            double = 0.25
            exponent = 1e3
            yes = true
            no = false
            nothing = null
            millis = 500ms
            seconds = 10s
            spelled-out = 10 seconds
            fraction = 1.5s
            bare-duration = 250
            size = 512KiB
            strings = [a, "b c", ${?NM_EXTRA}]
            numbers = [1, 2, 3]
            durations = [1s, 250ms]
            objects = [{ name = a, weight = 1 }, { name = b, weight = 2 }]
            empty-object {}
            empty-list = []
            nested.deeper.leaf = x
            "a.b" = 1
            from-env = ${?NM_FROM_ENV}
            concatenated = ${akka.values.int}" items at "${akka.values.seconds}
          }
        }
        """";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["NM_LOG_LEVEL"] = "WARNING",
        ["NM_EXTRA"] = "from env",
        ["NM_FROM_ENV"] = "set by the test",
    };

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private Config Ours()
    {
        _dir.Write("remote.conf", "akka.remote.dot-netty.tcp { hostname = \"127.0.0.1\", port = 0 }");
        return ConfigFactory.ParseFile(_dir.Write("main.conf", Main)).Resolve(ConfigResolveOptions.WithEnvironment(Environment));
    }

    private AkkaConfig Akka() => AkkaConfigConverter.AkkaSection(Ours());

    [Fact]
    public void Strings_must_reach_akka_with_quotes_dollars_braces_newlines_and_unicode()
    {
        var akka = Akka();
        Assert.Equal("say \"hi\" for $5 {now}, # not a comment", akka.GetString("akka.values.text"));
        Assert.Equal("plain words here", akka.GetString("akka.values.unquoted"));
        Assert.Equal("first line\n  second line", akka.GetString("akka.values.multi-line"));
        Assert.Equal("żółw 🐢 ü", akka.GetString("akka.values.unicode"));
        Assert.Equal("42 items at 10s", akka.GetString("akka.values.concatenated"));
    }

    [Fact]
    public void Numbers_booleans_and_null_must_reach_akka_with_their_values()
    {
        var akka = Akka();
        Assert.Equal(42, akka.GetInt("akka.values.int"));
        Assert.Equal(-3, akka.GetInt("akka.values.negative"));
        Assert.Equal(9007199254740993L, akka.GetLong("akka.values.long"));
        Assert.Equal(0.25, akka.GetDouble("akka.values.double"));
        Assert.Equal(1000.0, akka.GetDouble("akka.values.exponent"));
        Assert.True(akka.GetBoolean("akka.values.yes"));
        Assert.False(akka.GetBoolean("akka.values.no", true));
        Assert.True(akka.HasPath("akka.values.nothing"));
        Assert.Null(akka.GetString("akka.values.nothing", "default"));
    }

    [Theory]
    [InlineData("millis")]
    [InlineData("seconds")]
    [InlineData("spelled-out")]
    [InlineData("fraction")]
    [InlineData("bare-duration")]
    public void Durations_must_read_as_the_same_timespan_in_akka_as_in_our_config(string key)
    {
        var path = "akka.values." + key;
        Assert.Equal(Ours().GetTimeSpan(path), Akka().GetTimeSpan(path));
    }

    [Fact]
    public void Sizes_and_lists_must_reach_akka_unchanged()
    {
        var akka = Akka();
        Assert.Equal(512 * 1024, akka.GetByteSize("akka.values.size"));
        Assert.Equal(["a", "b c", "from env"], akka.GetStringList("akka.values.strings"));
        Assert.Equal([1, 2, 3], akka.GetIntList("akka.values.numbers"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250)], akka.GetValue("akka.values.durations").GetArray().Select(v => v.GetTimeSpan()));
        var objects = akka.GetValue("akka.values.objects").GetArray();
        Assert.Equal(["a", "b"], objects.Select(o => o.ToConfig().GetString("name")));
        Assert.Equal([1, 2], objects.Select(o => o.ToConfig().GetInt("weight")));
    }

    [Fact]
    public void Empty_objects_and_lists_and_nested_paths_must_keep_their_shape_in_akka()
    {
        var akka = Akka();
        Assert.True(akka.HasPath("akka.values.empty-object"));
        Assert.Empty(akka.GetConfig("akka.values.empty-object").AsEnumerable());
        Assert.True(akka.HasPath("akka.values.empty-list"));
        Assert.Empty(akka.GetStringList("akka.values.empty-list"));
        Assert.Equal("x", akka.GetString("akka.values.nested.deeper.leaf"));
    }

    [Fact]
    public void A_quoted_key_with_dots_must_stay_one_key_in_akka()
    {
        var akka = Akka();
        Assert.Equal([KeyValuePair.Create("My.Type, My.Assembly", "json")],
            akka.GetConfig("akka.actor.serialization-bindings").AsEnumerable().Select(kv => KeyValuePair.Create(kv.Key, kv.Value.GetString())));
        Assert.Equal(1, akka.GetInt("akka.values.\"a.b\""));
        Assert.False(akka.HasPath("akka.values.a.b"));
    }

    [Fact]
    public void Substitutions_from_the_test_environment_and_included_files_must_reach_akka()
    {
        var akka = Akka();
        Assert.Equal("WARNING", akka.GetString("akka.loglevel"));
        Assert.Equal("set by the test", akka.GetString("akka.values.from-env"));
        Assert.Equal("127.0.0.1", akka.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(TimeSpan.FromSeconds(7), akka.GetTimeSpan("akka.actor.ask-timeout"));
    }

    [Fact]
    public void Every_leaf_of_the_akka_section_must_read_the_same_through_akka()
    {
        var ours = Ours().GetConfig("akka");
        var akka = Akka();
        var leaves = ours.AsEnumerable().ToList();
        Assert.True(leaves.Count > 30, "the document must exercise many leaves");
        foreach (var (path, value) in leaves)
        {
            var akkaPath = "akka." + path;
            switch (value)
            {
                case ConfigScalar { ValueType: ConfigValueType.Null }:
                    Assert.Null(akka.GetString(akkaPath, "default"));
                    break;
                case ConfigScalar scalar:
                    Assert.Equal(scalar.Text, akka.GetString(akkaPath));
                    break;
                case ConfigList { Items: var items } when items.All(i => i is ConfigScalar):
                    Assert.Equal(items.Select(i => ((ConfigScalar)i).Text), akka.GetStringList(akkaPath));
                    break;
                case ConfigList list:
                    Assert.Equal(list.Items.Count, akka.GetValue(akkaPath).GetArray().Count);
                    break;
            }
        }
    }

    [Fact]
    public void Only_the_akka_section_must_be_handed_over_and_a_config_without_one_must_give_akkas_empty_config()
    {
        var akka = Akka();
        Assert.False(akka.HasPath("log-level"));
        Assert.Equal(["akka"], akka.AsEnumerable().Select(kv => kv.Key));
        Assert.True(AkkaConfigConverter.AkkaSection(Hocon.Resolve("node-manager.x = 1")).IsEmpty);
    }

    [Fact]
    public void An_akka_section_that_is_not_an_object_must_be_rejected_at_its_origin()
    {
        var e = Assert.Throws<ConfigException>(() => AkkaConfigConverter.AkkaSection(Hocon.Resolve("akka = 5")));
        Assert.Equal("test.conf:1:8: akka: expected an object, got 5", e.Message);
    }

    [Fact]
    public void An_unresolved_tree_must_be_refused_rather_than_handed_over_with_a_substitution_in_it()
    {
        var unresolved = ConfigFactory.ParseString("akka.loglevel = ${level}", "test.conf").UnresolvedRoot;
        var e = Assert.Throws<ConfigException>(() => AkkaConfigConverter.Convert(unresolved));
        Assert.StartsWith("test.conf:1:17:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Akka_getters_trim_strings_and_read_the_string_null_as_null_whatever_tree_they_read()
    {
        // Akka's HoconValue.GetString does this for its own parser's trees too: documented on the converter.
        var akka = AkkaConfigConverter.Convert(Hocon.Resolve("padded = \"  x  \"\nword = \"null\""));
        Assert.Equal("x", akka.GetString("padded"));
        Assert.Null(akka.GetString("word", "default"));
    }
}
