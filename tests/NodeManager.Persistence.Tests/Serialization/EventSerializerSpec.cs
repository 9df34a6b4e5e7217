using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Tests.Serialization;

public sealed class EventSerializerSpec
{
    private readonly EventTypeRegistry _registry = new EventTypeRegistry()
        .Register<ServerRequested>("test.server-requested.v2")
        .RegisterUpcaster("test.server-requested.v1", "test.server-requested.v2",
            old => new JsonObject { ["name"] = old["host"]?.DeepClone(), ["attempt"] = 1 });

    private EventSerializer Serializer => new(_registry);

    [Fact]
    public void Serializer_must_round_trip_a_registered_event_under_its_stable_manifest()
    {
        Prop.ForAll<string, int>((name, attempt) =>
        {
            var evt = new ServerRequested(name ?? "", attempt);
            var (manifest, payload) = Serializer.Serialize(evt);
            return manifest == "test.server-requested.v2" &&
                   Equals(Serializer.Deserialize("node-1", 1, manifest, payload), evt);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Serializer_must_upcast_an_old_manifest_into_the_current_type()
    {
        var old = Encoding.UTF8.GetBytes("""{"host":"node-7"}""");

        var evt = Serializer.Deserialize("node-7", 3, "test.server-requested.v1", old);

        Assert.Equal(new ServerRequested("node-7", 1), evt);
    }

    [Fact]
    public void Serializer_must_reject_an_unregistered_type_naming_it()
    {
        var error = Assert.Throws<PersistenceRejectedException>(() => Serializer.Serialize(new Unregistered(1)));

        Assert.Contains(nameof(Unregistered), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializer_must_name_persistence_id_sequence_nr_and_manifest_of_a_corrupt_event()
    {
        var error = Assert.Throws<EventDeserializationException>(() =>
            Serializer.Deserialize("node-9", 42, "test.server-requested.v2", "{not json"u8.ToArray()));

        Assert.Equal(("node-9", 42L, "test.server-requested.v2"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains("node-9", error.Message, StringComparison.Ordinal);
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.server-requested.v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_must_refuse_binding_one_manifest_to_two_types()
    {
        Assert.Throws<InvalidOperationException>(() => _registry.Register<Unregistered>("test.server-requested.v2"));
        Assert.Throws<InvalidOperationException>(() => _registry.Register<ServerRequested>("test.other.v1"));
        Assert.Throws<InvalidOperationException>(() => _registry.Register<Unregistered>("test.server-requested.v1"));
    }

    private sealed record ServerRequested(string Name, int Attempt);

    private sealed record Unregistered(int Value);
}
