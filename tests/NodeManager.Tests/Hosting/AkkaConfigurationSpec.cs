using NodeManager.Hosting;
using NodeManager.Tests.Configuration;

namespace NodeManager.Tests.Hosting;

public sealed class AkkaConfigurationSpec
{
    [Fact]
    public void The_akka_section_must_reach_Akka_with_the_operators_values_over_the_reference()
    {
        var akka = AkkaConfiguration.FromProductConfig(TestConfig.Over("""
            akka {
              actor.ask-timeout = 7s
              log-dead-letters = off
              coordinated-shutdown.phases.service-stop.timeout = 45s
            }
            """));

        Assert.Equal(TimeSpan.FromSeconds(7), akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.False(akka.GetBoolean("akka.log-dead-letters"));
        Assert.Equal(TimeSpan.FromSeconds(45), akka.GetTimeSpan("akka.coordinated-shutdown.phases.service-stop.timeout"));
        Assert.Equal(TimeSpan.FromSeconds(10), akka.GetTimeSpan("akka.coordinated-shutdown.phases.service-unbind.timeout"));
        Assert.Equal(30, akka.GetInt("akka.actor.default-dispatcher.throughput"));
        Assert.Equal(["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"], akka.GetStringList("akka.loggers"));
    }

    [Fact]
    public void A_quoted_key_with_dots_must_stay_one_key()
    {
        var akka = AkkaConfiguration.FromProductConfig(TestConfig.Over("""
            akka.actor.serialization-bindings { "NodeManager.Core.Nodes.NodeEvent, NodeManager.Core" = product }
            """));

        var bindings = akka.GetConfig("akka.actor.serialization-bindings").AsEnumerable().ToList();

        Assert.Equal("NodeManager.Core.Nodes.NodeEvent, NodeManager.Core", Assert.Single(bindings).Key);
        Assert.Equal("product", bindings[0].Value.GetString());
    }

    [Fact]
    public void A_config_without_an_akka_section_must_give_Akka_nothing()
    {
        var akka = AkkaConfiguration.FromProductConfig(NodeManager.Hocon.ConfigFactory.ParseString("node-manager.cluster-name = x", "x.conf"));

        Assert.True(akka.IsEmpty);
    }
}
