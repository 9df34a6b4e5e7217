using Akka.Actor;
using Akka.Serialization;

namespace NodeManager.Core.Serialization;

/// <summary>
/// Akka's <c>json</c> serializer (Newtonsoft.Json, the fallback for every type without a binding) with one refusal: a
/// type of the product is never written by it. Newtonsoft's output follows the C# type's shape and full name, so a
/// message sent between members of different releases, or stored in the journal, would break on a rename; the
/// product's messages go through <see cref="ProductSerializer"/> under a stable manifest instead. A product type that
/// reaches this fallback is one that crosses members or the journal without being an <see cref="IVersionedMessage"/>:
/// the send or the write fails, naming it.
/// </summary>
public sealed class ProductFallbackSerializer : NewtonSoftJsonSerializer
{
    private static readonly string ProductNamespace = typeof(IVersionedMessage).Namespace!.Split('.')[0] + ".";

    public ProductFallbackSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <summary>With <c>akka.actor.serialization-settings.json</c>, which Akka passes because the key exists.</summary>
    public ProductFallbackSerializer(ExtendedActorSystem system, Akka.Configuration.Config config)
        : base(system, config)
    {
    }

    /// <exception cref="UnregisteredMessageTypeException">the value is of a type of the product.</exception>
    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.GetType().FullName?.StartsWith(ProductNamespace, StringComparison.Ordinal) == true)
            throw new UnregisteredMessageTypeException(obj.GetType());
        return base.ToBinary(obj);
    }
}
