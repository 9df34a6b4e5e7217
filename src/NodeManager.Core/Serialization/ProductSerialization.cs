namespace NodeManager.Core.Serialization;

/// <summary>The Akka configuration that makes <see cref="ProductSerializer"/> serialize every <see cref="IVersionedMessage"/>.</summary>
public static class ProductSerialization
{
    /// <summary>The serializer's name under <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "nodemanager";

    /// <summary>
    /// <c>akka.actor.serializers</c> and <c>serialization-bindings</c> as HOCON text; every actor system of the product
    /// includes it (the journal's and the cluster's configuration fall back on it). Akka's <c>json</c> fallback is
    /// replaced by <see cref="ProductFallbackSerializer"/>, which refuses the product's own types.
    /// </summary>
    public static string Hocon { get; } = $$"""
        akka.actor {
          serializers {
            {{SerializerName}} = "{{typeof(ProductSerializer).FullName}}, {{typeof(ProductSerializer).Assembly.GetName().Name}}"
            json = "{{typeof(ProductFallbackSerializer).FullName}}, {{typeof(ProductFallbackSerializer).Assembly.GetName().Name}}"
          }
          # The fallback keeps Newtonsoft.Json's identifier: what it writes reads back as Akka's own json would.
          serialization-identifiers {
            "{{typeof(ProductFallbackSerializer).FullName}}, {{typeof(ProductFallbackSerializer).Assembly.GetName().Name}}" = 1
          }
          serialization-bindings {
            "{{typeof(IVersionedMessage).FullName}}, {{typeof(IVersionedMessage).Assembly.GetName().Name}}" = {{SerializerName}}
          }
        }
        """;

    /// <summary><see cref="Hocon"/> parsed.</summary>
    public static Akka.Configuration.Config Config { get; } = Akka.Configuration.ConfigurationFactory.ParseString(Hocon);
}
