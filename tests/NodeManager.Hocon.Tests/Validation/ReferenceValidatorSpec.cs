using NodeManager.Hocon.Validation;

namespace NodeManager.Hocon.Tests.Validation;

public sealed class ReferenceValidatorSpec
{
    private const string Reference = """
        app {
          interval = 60s
          size = 10GiB
          enabled = on
          port = 8558
          ratio = 0.5
          name = "x"
          tags = []
          nested { depth = 1 }
          entries { default { weight = 1 } }
          free-form { }
        }
        """;

    private static IReadOnlyList<string> Errors(string operatorText)
    {
        var reference = ConfigFactory.ParseString(Reference, "reference.conf");
        var written = ConfigFactory.ParseString(operatorText, "ops.conf");
        var effective = written.WithFallback(reference).Resolve(ConfigResolveOptions.NoEnvironment);
        return [.. ReferenceValidator.Validate(written, effective, reference.Resolve(ConfigResolveOptions.NoEnvironment), "app").Select(e => e.Message)];
    }

    [Fact]
    public void Known_keys_with_fitting_values_must_pass()
    {
        Assert.Empty(Errors("app { interval = 5 minutes, size = 512MB, enabled = false, port = \"9000\", ratio = 1, name = 42, tags = [a]\n nested.depth = 2 }"));
    }

    [Fact]
    public void Keys_outside_the_root_must_be_left_to_the_operator()
    {
        Assert.Empty(Errors("my-vars { whatever = 1 }\napp.name = ${my-vars.whatever}"));
    }

    [Fact]
    public void An_unknown_key_must_be_reported_with_the_closest_reference_key()
    {
        Assert.Equal(["ops.conf:1:7: app.intervall: unknown key (not in reference.conf); did you mean app.interval?"], Errors("app { intervall = 5s }"));
        Assert.Equal(["ops.conf:1:1: app.nestd.depth: unknown key (not in reference.conf); did you mean app.nested.depth?"], Errors("app.nestd.depth = 3"));
    }

    [Fact]
    public void An_unknown_key_far_from_every_reference_key_must_be_reported_without_a_guess()
    {
        Assert.Equal(["ops.conf:1:1: app.completely-different: unknown key (not in reference.conf)"], Errors("app.completely-different = 1"));
    }

    [Fact]
    public void Named_entries_must_be_checked_against_the_default_block_and_free_form_maps_must_take_any_key()
    {
        Assert.Empty(Errors("app.entries.east { weight = 3 }\napp.free-form { anything = 1, goes { x = 2 } }"));
        Assert.Equal(["ops.conf:1:1: app.entries.east.weigth: unknown key (not in reference.conf); did you mean app.entries.east.weight?"],
            Errors("app.entries.east.weigth = 3"));
    }

    [Fact]
    public void A_duration_key_must_take_off_for_the_settings_to_judge()
    {
        Assert.Empty(Errors("app.interval = off"));
    }

    [Theory]
    [InlineData("app.interval = fast", "ops.conf:1:16: app.interval: expected a duration like the default 60s, got \"fast\"")]
    [InlineData("app.size = huge", "ops.conf:1:12: app.size: expected a size in bytes like the default 10GiB, got \"huge\"")]
    [InlineData("app.enabled = maybe", "ops.conf:1:15: app.enabled: expected a boolean (on/off, true/false, yes/no) like the default on, got \"maybe\"")]
    [InlineData("app.port = 80.5", "ops.conf:1:12: app.port: expected an integer like the default 8558, got 80.5")]
    [InlineData("app.ratio = lots", "ops.conf:1:13: app.ratio: expected a number like the default 0.5, got \"lots\"")]
    [InlineData("app.tags = a", "ops.conf:1:12: app.tags: expected a list, got \"a\"")]
    [InlineData("app.nested = 1", "ops.conf:1:14: app.nested: expected an object, got 1")]
    [InlineData("app.port.x = 1", "ops.conf:1:14: app.port: expected an integer like the default 8558, got an object")]
    public void A_value_of_the_wrong_type_must_be_reported_at_its_origin(string text, string message)
    {
        Assert.Equal([message], Errors(text));
    }
}
