using NodeManager.Core.Platform;
using NodeManager.Core.Platform.Adapters;

namespace NodeManager.Core.Tests.Platform;

public sealed class PlatformAdapterSpec : IDisposable
{
    private const string Document = """
        {"districts":[{"name":"d1","profile":"small","uid_capacity":6000,"uids_allocated":12}],
         "nodes":[{"name":"d1-1.example.com","district":"d1","profile":"small","active_gears":12,"max_active_gears":50,"responding":true}]}
        """;

    private static readonly PlatformNode Node = new("d1", "small", "d1-1.example.com");
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"capacity-{Guid.NewGuid():N}.json");
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    public PlatformAdapterSpec() => File.WriteAllText(_file, Document);

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task Command_source_must_read_the_document_from_the_programs_stdout()
    {
        var source = new CommandCapacitySource(["cat", _file], TimeSpan.FromSeconds(10), _runner);

        var document = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(6000, Assert.Single(document.Districts).UidCapacity);
        var node = Assert.Single(document.Nodes);
        Assert.Equal(("d1-1.example.com", 12, 50, true), (node.Name, node.ActiveGears, node.MaxActiveGears, node.Responding));
    }

    [Fact]
    public async Task Command_source_must_kill_a_program_that_hangs_and_say_it_timed_out()
    {
        var source = new CommandCapacitySource(["sleep", "30"], TimeSpan.FromMilliseconds(300), _runner);

        var error = await Assert.ThrowsAsync<PlatformException>(() => source.ReadAsync(CancellationToken.None));

        Assert.True(error.TimedOut);
        Assert.Contains("killed", error.Message);
    }

    [Fact]
    public async Task File_source_must_reject_a_malformed_document_naming_the_file()
    {
        await File.WriteAllTextAsync(_file, "{ not json");

        var error = await Assert.ThrowsAsync<PlatformException>(() => new FileCapacitySource(_file).ReadAsync(CancellationToken.None));

        Assert.Contains(_file, error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public async Task Command_platform_must_capture_exit_code_and_output_of_a_failed_operation()
    {
        var platform = Platform(add: ["sh", "-c", "echo district is full >&2; exit 3"]);

        var error = await Assert.ThrowsAsync<PlatformException>(() => platform.AddNodeAsync(Node, CancellationToken.None));

        Assert.Equal(3, error.ExitCode);
        Assert.Contains("district is full", error.Message);
        Assert.StartsWith("add-node d1-1.example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_platform_must_read_one_gear_per_line()
    {
        var platform = Platform(listGears: ["printf", "%s\\n", "gear-1", "gear-2"]);

        var gears = await platform.ListGearsAsync(Node, CancellationToken.None);

        Assert.Equal(["gear-1", "gear-2"], gears);
    }

    [Fact]
    public void Command_templates_must_keep_every_placeholder_inside_its_own_argument()
    {
        var argv = CommandPlatform.Expand(["oo-admin-move", "--gear_uuid", "{gear}", "-i", "{target}"],
            Node, "g1; rm -rf /", "d1-2.example.com");

        Assert.Equal(["oo-admin-move", "--gear_uuid", "g1; rm -rf /", "-i", "d1-2.example.com"], argv);
    }

    private CommandPlatform Platform(IReadOnlyList<string>? add = null, IReadOnlyList<string>? listGears = null)
    {
        var settings = PlatformSettings.Default with
        {
            Adapter = PlatformAdapterKind.Command,
            Timeout = TimeSpan.FromSeconds(10),
            Commands = PlatformSettings.Operations.ToDictionary(op => op, op => op switch
            {
                PlatformSettings.AddNode when add is not null => add,
                PlatformSettings.ListGears when listGears is not null => listGears,
                _ => (IReadOnlyList<string>)["true"],
            }),
        };
        return new CommandPlatform(settings, _runner);
    }
}
