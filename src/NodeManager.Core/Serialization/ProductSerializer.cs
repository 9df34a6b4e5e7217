using Akka.Actor;
using Akka.Serialization;
using NodeManager.Core.Controller;

namespace NodeManager.Core.Serialization;

/// <summary>
/// Akka's serializer for every <see cref="IVersionedMessage"/>: System.Text.Json under the stable manifest of
/// <see cref="ControllerEvents.Registry"/>. Akka creates it by reflection from
/// <c>akka.actor.serializers.nodemanager</c> (see <see cref="ProductSerialization.Config"/>); its
/// <see cref="Identifier"/> is stored beside every journaled event and snapshot, so it never changes.
/// </summary>
public sealed class ProductSerializer : SerializerWithStringManifest
{
    /// <summary>
    /// Stored in the journal's and snapshot store's serializer-id column and sent between cluster members with each
    /// message. Akka reserves 0-100; 7301 is the product's and must never be reused for another serializer.
    /// </summary>
    public const int SerializerIdentifier = 7301;

    private readonly JsonEventSerializer _json;

    public ProductSerializer(ExtendedActorSystem system)
        : this(system, ControllerEvents.Registry)
    {
    }

    /// <summary>With a registry of one's own (tests of manifests that the product does not register).</summary>
    public ProductSerializer(ExtendedActorSystem system, EventTypeRegistry registry)
        : base(system)
    {
        _json = new JsonEventSerializer(registry);
    }

    public override int Identifier => SerializerIdentifier;

    /// <exception cref="UnregisteredMessageTypeException">the type has no manifest.</exception>
    public override string Manifest(object o) => _json.Manifest(o);

    /// <exception cref="UnregisteredMessageTypeException">the type has no manifest.</exception>
    /// <exception cref="VersionedMessageException">System.Text.Json cannot write the value.</exception>
    public override byte[] ToBinary(object obj) => _json.Serialize(obj);

    /// <exception cref="UnknownManifestException">no type or upcaster knows the manifest.</exception>
    /// <exception cref="VersionedMessageException">the payload does not read as the manifest's type.</exception>
    public override object FromBinary(byte[] bytes, string manifest) => _json.Deserialize(manifest, bytes);
}
