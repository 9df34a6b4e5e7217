using System.Text;
using System.Text.Json.Nodes;
using Akka.Actor;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Tests.Serialization;

public sealed class EventTypeRegistrySpec
{
    // v1 named the host only; v2 renamed it to name and added the attempt; v3 added the reason.
    private readonly EventTypeRegistry _registry = new EventTypeRegistry()
        .Register<ServerRequested>("test.server-requested.v3")
        .RegisterUpcaster("test.server-requested.v1", "test.server-requested.v2",
            old => new JsonObject { ["name"] = old["host"]?.DeepClone(), ["attempt"] = 1 })
        .RegisterUpcaster("test.server-requested.v2", "test.server-requested.v3",
            old => new JsonObject { ["name"] = old["name"]?.DeepClone(), ["attempt"] = old["attempt"]?.DeepClone(), ["reason"] = "upcast" });

    [Fact]
    public void Serializer_must_read_an_old_manifest_through_the_whole_upcaster_chain()
    {
        var serializer = new JsonEventSerializer(_registry);

        var fromV1 = serializer.Deserialize("test.server-requested.v1", """{"host":"node-7"}"""u8);
        var fromV2 = serializer.Deserialize("test.server-requested.v2", """{"name":"node-8","attempt":3}"""u8);

        Assert.Equal(new ServerRequested("node-7", 1, "upcast"), fromV1);
        Assert.Equal(new ServerRequested("node-8", 3, "upcast"), fromV2);
        Assert.True(_registry.CanResolve("test.server-requested.v1"));
        Assert.False(_registry.CanResolve("test.server-requested.v0"));
    }

    [Fact]
    public void Product_serializer_must_upcast_what_akka_hands_it()
    {
        using var system = ActorSystem.Create("upcast");
        var serializer = new ProductSerializer((ExtendedActorSystem)system, _registry);

        var evt = serializer.FromBinary(Encoding.UTF8.GetBytes("""{"host":"node-9"}"""), "test.server-requested.v1");

        Assert.Equal(new ServerRequested("node-9", 1, "upcast"), evt);
        Assert.Equal("test.server-requested.v3", serializer.Manifest(evt));
    }

    [Fact]
    public void Upcaster_failures_and_cycles_must_be_reported_against_the_stored_manifest()
    {
        var registry = new EventTypeRegistry()
            .Register<ServerRequested>("test.current.v1")
            .RegisterUpcaster("test.broken.v1", "test.current.v1", _ => throw new InvalidCastException("no host field"))
            .RegisterUpcaster("test.loop-a.v1", "test.loop-b.v1", json => json)
            .RegisterUpcaster("test.loop-b.v1", "test.loop-a.v1", json => json);
        var serializer = new JsonEventSerializer(registry);

        var broken = Assert.Throws<VersionedMessageException>(() => serializer.Deserialize("test.broken.v1", "{}"u8));
        var loop = Assert.Throws<InvalidOperationException>(() => registry.CanResolve("test.loop-a.v1"));

        Assert.Equal("test.broken.v1", broken.Manifest);
        Assert.Contains("no host field", broken.Message, StringComparison.Ordinal);
        Assert.Contains("test.loop-a.v1", loop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_must_refuse_binding_one_manifest_or_one_type_twice()
    {
        Assert.Throws<InvalidOperationException>(() => _registry.Register<Other>("test.server-requested.v3"));
        Assert.Throws<InvalidOperationException>(() => _registry.Register<ServerRequested>("test.other.v1"));
        Assert.Throws<InvalidOperationException>(() => _registry.Register<Other>("test.server-requested.v1"));
        Assert.Throws<InvalidOperationException>(() => _registry.RegisterUpcaster("test.server-requested.v3", "test.other.v1", j => j));
        Assert.Same(_registry, _registry.Register<ServerRequested>("test.server-requested.v3"));
    }

    private sealed record ServerRequested(string Name, int Attempt, string Reason);

    private sealed record Other(int Value);
}
