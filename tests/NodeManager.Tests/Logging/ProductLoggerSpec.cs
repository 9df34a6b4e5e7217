using NodeManager.Logging;
using Serilog.Core;
using Serilog.Events;

namespace NodeManager.Tests.Logging;

public sealed class ProductLoggerSpec
{
    private static readonly LoggingSettings Quiet = LoggingSettings.Default with
    {
        Console = LoggingSettings.Default.Console with { Enabled = false },
    };

    [Fact]
    public void Logger_must_apply_the_level_and_the_category_overrides()
    {
        var sink = new CollectingSink();
        using (var logger = ProductLogger.Create(Quiet with { Level = LogEventLevel.Debug }, sink))
        {
            logger.ForContext(Constants.SourceContextPropertyName, "district-a").Debug("kept");
            logger.ForContext(Constants.SourceContextPropertyName, "Microsoft.AspNetCore.Routing.EndpointMiddleware").Information("dropped by override");
            logger.ForContext(Constants.SourceContextPropertyName, "Microsoft.AspNetCore.Routing.EndpointMiddleware").Warning("kept despite override");
        }

        Assert.Equal(["kept", "kept despite override"], sink.Events.Select(e => e.RenderMessage()));
    }

    [Fact]
    public void Source_must_be_the_short_category_or_for_Akka_lines_the_short_log_source()
    {
        var sink = new CollectingSink();
        using (var logger = ProductLogger.Create(Quiet, sink))
        {
            logger.ForContext(Constants.SourceContextPropertyName, "district-a/district-a-3").Information("Booting");
            logger.ForContext(Constants.SourceContextPropertyName, "NodeManager.Hosting.NodeManagerHost").Information("Started");
            logger.ForContext(Constants.SourceContextPropertyName, "Akka.Actor.CoordinatedShutdown")
                .ForContext("LogSource", "CoordinatedShutdown(akka://demo)")
                .Information("CoordinatedShutdown invoked");
        }

        Assert.Equal(
            ["\"district-a/district-a-3\"", "\"NodeManagerHost\"", "\"CoordinatedShutdown\""],
            sink.Events.Select(e => e.Properties["Source"].ToString()));
    }

    [Theory]
    [InlineData("akka://demo/user/districts/district-a", "districts/district-a")]
    [InlineData("akka://demo/system/akka.persistence.journal.inmem", "system/akka.persistence.journal.inmem")]
    [InlineData("akka://demo", "demo")]
    [InlineData("CoordinatedShutdown(akka://demo)", "CoordinatedShutdown")]
    [InlineData("Akka.Event.DeadLetterListener", "DeadLetterListener")]
    [InlineData("capacity-watcher", "capacity-watcher")]
    public void An_Akka_log_source_must_shorten_to_the_path_below_the_system_or_the_class_name(string logSource, string source)
    {
        Assert.Equal(source, SourceEnricher.ShortLogSource(logSource));
    }

    [Fact]
    public void File_sink_must_write_the_events_to_the_configured_path()
    {
        var directory = Directory.CreateTempSubdirectory("nodemgr-log-");
        try
        {
            var path = Path.Combine(directory.FullName, "nodemanager.log");
            var settings = Quiet with { File = Quiet.File with { Enabled = true, Path = path, RollingInterval = Serilog.RollingInterval.Infinite } };
            using (var logger = ProductLogger.Create(settings))
            {
                logger.Information("Node {Node} joined", "node-1");
            }

            Assert.Contains("Node node-1 joined", File.ReadAllText(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(FileLogFormat.Text, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d INF .*Node node-1 joined")]
    [InlineData(FileLogFormat.Json, @"^\{""Timestamp"":""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+[+-]\d\d:\d\d""")]
    public void File_log_lines_must_carry_the_date(FileLogFormat format, string pattern)
    {
        // Files are read days later and elsewhere: a time of day alone does not place a line.
        var directory = Directory.CreateTempSubdirectory("nodemgr-log-");
        try
        {
            var path = Path.Combine(directory.FullName, "nodemanager.log");
            var settings = Quiet with { File = Quiet.File with { Enabled = true, Path = path, RollingInterval = Serilog.RollingInterval.Infinite, Format = format } };
            using (var logger = ProductLogger.Create(settings))
            {
                logger.Information("Node {Node} joined", "node-1");
            }

            Assert.Matches(pattern, File.ReadAllLines(path).Single());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
