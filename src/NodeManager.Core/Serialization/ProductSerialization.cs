namespace NodeManager.Core.Serialization;

/// <summary>The Akka configuration that makes <see cref="ProductSerializer"/> serialize every <see cref="IVersionedMessage"/>.</summary>
public static class ProductSerialization
{
    /// <summary>The serializer's name under <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "nodemanager";

    /// <summary>
    /// <c>akka.actor.serializers</c> and <c>serialization-bindings</c> as HOCON text; every actor system of the product
    /// includes it (the journal's and the cluster's configuration fall back on it).
    /// </summary>
    public static string Hocon { get; } = $$"""
        akka.actor {
          serializers {
            {{SerializerName}} = "{{typeof(ProductSerializer).FullName}}, {{typeof(ProductSerializer).Assembly.GetName().Name}}"
          }
          serialization-bindings {
            "{{typeof(IVersionedMessage).FullName}}, {{typeof(IVersionedMessage).Assembly.GetName().Name}}" = {{SerializerName}}
          }
        }
        """;

    /// <summary><see cref="Hocon"/> parsed.</summary>
    public static Akka.Configuration.Config Config { get; } = Akka.Configuration.ConfigurationFactory.ParseString(Hocon);
}
