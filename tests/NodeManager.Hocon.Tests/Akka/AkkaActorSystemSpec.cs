using Akka.Actor;
using Akka.Serialization;
using NodeManager.Hocon.Akka;

namespace NodeManager.Hocon.Tests.Akka;

/// <summary>A real actor system started on the converted section (Akka adds its own defaults) must see the operator's values.</summary>
public sealed class AkkaActorSystemSpec
{
    private const string Operator = """
        akka {
          loglevel = ${?NM_AKKA_LOGLEVEL}
          stdout-loglevel = ERROR
          actor {
            ask-timeout = ${?NM_ASK_TIMEOUT}
            serialization-bindings {
              "NodeManager.Hocon.Tests.Akka.BoundMessage, NodeManager.Hocon.Tests" = bytes
            }
          }
        }
        """;

    [Fact]
    public async Task An_actor_system_started_on_the_converted_section_must_see_the_operators_values()
    {
        var env = new Dictionary<string, string> { ["NM_AKKA_LOGLEVEL"] = "ERROR", ["NM_ASK_TIMEOUT"] = "3500ms" };
        var config = ConfigFactory.ParseString(Operator, "ops.conf").Resolve(ConfigResolveOptions.WithEnvironment(env));
        var system = ActorSystem.Create("converted", AkkaConfigConverter.AkkaSection(config));
        try
        {
            Assert.Equal(TimeSpan.FromMilliseconds(3500), system.Settings.AskTimeout);
            Assert.Equal("ERROR", system.Settings.LogLevel);
            Assert.IsType<ByteArraySerializer>(system.Serialization.FindSerializerForType(typeof(BoundMessage)));
            // Akka's own defaults are still there underneath: an unbound type falls to the default json serializer.
            Assert.IsType<NewtonSoftJsonSerializer>(system.Serialization.FindSerializerForType(typeof(UnboundMessage)));
            Assert.Equal(global::Akka.Configuration.ConfigurationFactory.Default().GetTimeSpan("akka.actor.creation-timeout"), system.Settings.CreationTimeout);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}

/// <summary>A message type the operator's file binds to a serializer by its assembly-qualified name.</summary>
public sealed record BoundMessage(string Text);

public sealed record UnboundMessage(string Text);
