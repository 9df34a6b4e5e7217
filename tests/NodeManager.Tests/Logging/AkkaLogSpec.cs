using System.Text.RegularExpressions;
using Akka.Actor;
using Akka.Event;
using NodeManager.Core.Configuration;
using NodeManager.Hosting;
using NodeManager.Logging;
using NodeManager.Tests.Hosting;

namespace NodeManager.Tests.Logging;

/// <summary>
/// Akka's own log lines, with the <c>akka</c> section of reference.conf, reach the product's Serilog log in the product's
/// format and with a short source.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed partial class AkkaLogSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly CollectingSink _sink = new();
    private readonly Serilog.Core.Logger _logger;
    private readonly Serilog.ILogger _previous;

    public AkkaLogSpec()
        : base(AkkaConfiguration.FromProductConfig(NodeManagerConfig.Reference), "demo")
    {
        _logger = ProductLogger.Create(
            LoggingSettings.Default with { Console = LoggingSettings.Default.Console with { Enabled = false } }, _sink);
        _previous = Serilog.Log.Logger;
        Serilog.Log.Logger = _logger;
    }

    [Fact]
    public void An_actor_log_line_must_reach_the_product_log_with_the_actor_path_below_the_user_guardian_as_source()
    {
        var chatty = Sys.ActorOf(Props.Create(() => new Chatty()), "districts");

        chatty.Tell("district-a");

        AwaitAssert(
            () => Assert.Contains(_sink.Lines, l => ChattyLine().IsMatch(l)),
            TimeSpan.FromSeconds(10));
        var logged = _sink.Events.Single(e => e.MessageTemplate.Text == Chatty.Template);
        Assert.Equal("\"district-a\"", logged.Properties["District"].ToString());
    }

    [Fact]
    public void The_actor_system_must_take_the_serilog_logger_and_formatter_from_reference_conf()
    {
        var config = Sys.Settings.Config;

        Assert.Equal(["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"], config.GetStringList("akka.loggers"));
        Assert.Equal("Akka.Logger.Serilog.SerilogLogMessageFormatter, Akka.Logger.Serilog", config.GetString("akka.logger-formatter"));
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        Serilog.Log.Logger = _previous;
        _logger.Dispose();
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} INF districts +district-a is scaling up$")]
    private static partial Regex ChattyLine();

    private sealed class Chatty : ReceiveActor
    {
        public const string Template = "{District} is scaling up";

        public Chatty()
        {
            var log = Context.GetLogger();
            Receive<string>(district => log.Info(Template, district));
        }
    }
}
