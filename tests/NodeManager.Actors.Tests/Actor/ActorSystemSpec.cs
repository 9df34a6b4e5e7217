using NodeManager.Actors;
using NodeManager.Hocon;

namespace NodeManager.Actors.Tests.Actor;

public sealed class ActorSystemSpec : TestKit.TestKit
{
    private const string ActorsSection = """
        node-manager.actors {
          throughput = 7
          ask-timeout = 2s
          dead-letters { log-limit = 3, log-window = 1m }
          coordinated-shutdown.phase-timeout = 4s
        }
        """;

    [Fact]
    public void GetExtension_must_return_the_registered_extension()
    {
        var extension = new SampleExtension();

        Assert.Same(extension, Sys.RegisterExtension(extension));
        Assert.Same(extension, Sys.GetExtension<SampleExtension>());
        Assert.True(Sys.TryGetExtension<SampleExtension>(out var found));
        Assert.Same(extension, found);
    }

    [Fact]
    public void RegisterExtension_must_keep_the_first_registration()
    {
        var first = Sys.RegisterExtension(new SampleExtension());

        Assert.Same(first, Sys.RegisterExtension(new SampleExtension()));
    }

    [Fact]
    public void GetExtension_must_name_the_missing_type()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sys.GetExtension<SampleExtension>());

        Assert.Contains(typeof(SampleExtension).FullName!, error.Message);
        Assert.False(Sys.TryGetExtension<SampleExtension>(out _));
    }

    [Fact]
    public async Task Terminate_must_stop_every_actor_and_complete_WhenTerminated()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle()));
        Watch(actor);

        await Sys.Terminate();

        Assert.True(((IInternalActorRef)actor).IsTerminated);
        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public void Create_must_reject_an_invalid_system_name()
    {
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("has space"));
    }

    [Fact]
    public void ActorOf_must_reject_names_that_are_not_path_elements()
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Idle()), "a/b"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Idle()), "$reserved"));
    }

    [Fact]
    public void ActorOf_without_a_name_must_generate_unique_ones()
    {
        var names = Enumerable.Range(0, 30).Select(_ => Sys.ActorOf(Props.Create(() => new Idle())).Path.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.StartsWith("$", name));
    }

    [Fact]
    public void An_actor_constructed_with_new_must_be_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new Idle());
    }

    [Fact]
    public void Settings_must_be_read_from_node_manager_actors()
    {
        var settings = ActorSystemSettings.Create(ConfigFactory.ParseString(ActorsSection));

        Assert.Equal(7, settings.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.AskTimeout);
        Assert.Equal(3, settings.DeadLetterLogLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.DeadLetterLogWindow);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.ShutdownPhaseTimeout);
    }

    [Fact]
    public void Settings_read_from_reference_conf_must_equal_the_built_in_defaults()
    {
        var reference = ConfigFactory.ParseFile(ReferenceConf()).Resolve();

        var settings = ActorSystemSettings.Create(reference);

        Assert.Equal(ActorSystemSettings.Default, settings);
    }

    [Fact]
    public void Settings_must_reject_a_zero_throughput_naming_the_key_and_its_origin()
    {
        var config = ConfigFactory.ParseString(ActorsSection.Replace("throughput = 7", "throughput = 0"), "actors.conf");

        var error = Assert.Throws<ConfigException>(() => ActorSystemSettings.Create(config));

        Assert.Contains("actors.conf:2", error.Message);
        Assert.Contains("throughput", error.Message);
    }

    private static string ReferenceConf()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "hocon", "reference.conf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // Builds with NM_BUILD_ROOT run from outside the tree: fall back to the source location.
        return Path.Combine(SourceDirectory(), "..", "..", "..", "hocon", "reference.conf");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private sealed class SampleExtension;

    private sealed class Idle : ReceiveActor;
}
