using Microsoft.Extensions.Logging;
using NodeManager.Logging;
using Serilog.Core;
using Serilog.Events;

namespace NodeManager.Tests.Logging;

public sealed class SerilogLoggerFactoryBuilderSpec
{
    private static readonly LoggingSettings Quiet = LoggingSettings.Default with
    {
        Console = LoggingSettings.Default.Console with { Enabled = false },
    };

    [Fact]
    public void Factory_must_apply_the_level_and_the_category_overrides()
    {
        var sink = new CollectingSink();
        using (var factory = SerilogLoggerFactoryBuilder.Create(Quiet with { Level = LogEventLevel.Debug }, sink))
        {
            factory.CreateLogger("NodeManager.Core.Districts.DistrictSupervisorActor").LogDebug("kept");
            factory.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").LogInformation("dropped by override");
            factory.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").LogWarning("kept despite override");
        }

        Assert.Equal(["kept", "kept despite override"], sink.Events.Select(e => e.RenderMessage()));
    }

    [Fact]
    public void Source_must_be_the_actor_path_below_the_user_guardian_or_the_short_category()
    {
        var sink = new CollectingSink();
        using (var factory = SerilogLoggerFactoryBuilder.Create(Quiet, sink))
        {
            var actorLog = factory.CreateLogger("NodeManager.Core.Nodes.NodeLifecycleActor");
            using (actorLog.BeginScope(new Dictionary<string, object> { ["ActorPath"] = "akka://nodemanager/user/districts/district-a/node-3" }))
            {
                actorLog.LogInformation("Booting");
            }

            factory.CreateLogger("NodeManager.Hosting.NodeManagerHost").LogInformation("Started");
            factory.CreateLogger("NodeManager.OpenStack").LogWarning("OpenStack GET {Path} answered 404", "/compute/v2.1/servers/x");
        }

        Assert.Equal(
            ["\"districts/district-a/node-3\"", "\"NodeManagerHost\"", "\"OpenStack\""],
            sink.Events.Select(e => e.Properties["Source"].ToString()));
    }

    [Fact]
    public void File_sink_must_write_the_events_to_the_configured_path()
    {
        var directory = Directory.CreateTempSubdirectory("nodemgr-log-");
        try
        {
            var path = Path.Combine(directory.FullName, "nodemanager.log");
            var settings = Quiet with { File = Quiet.File with { Enabled = true, Path = path, RollingInterval = Serilog.RollingInterval.Infinite } };
            using (var factory = SerilogLoggerFactoryBuilder.Create(settings))
            {
                factory.CreateLogger("NodeManager.Hosting.NodeManagerHost").LogInformation("Node {Node} joined", "node-1");
            }

            Assert.Contains("Node node-1 joined", File.ReadAllText(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
