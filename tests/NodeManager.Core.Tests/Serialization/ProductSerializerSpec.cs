using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using NodeManager.Core.Controller;
using NodeManager.Core.Nodes;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Tests.Serialization;

/// <summary>The product's serializer as Akka finds and uses it: every registered manifest, and the errors.</summary>
public sealed class ProductSerializerSpec : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("serialization", ProductSerialization.Config);

    public static TheoryData<string> Manifests() => new(ControllerEvents.Registry.Registrations.Values.Order(StringComparer.Ordinal));

    public void Dispose() => _system.Dispose();

    [Fact]
    public void Every_versioned_message_of_the_core_must_be_registered_and_every_registered_type_must_be_versioned()
    {
        var versioned = typeof(IVersionedMessage).Assembly.GetTypes()
            .Where(t => typeof(IVersionedMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToHashSet();
        var registered = ControllerEvents.Registry.Registrations.Keys.ToHashSet();

        var unregistered = versioned.Except(registered).Select(t => t.FullName).Order().ToList();
        var unbound = registered.Except(versioned).Select(t => t.FullName).Order().ToList();

        Assert.True(unregistered.Count == 0, "IVersionedMessage types without a manifest in ControllerEvents: " + string.Join(", ", unregistered));
        Assert.True(unbound.Count == 0, "registered types Akka would not hand to ProductSerializer (not IVersionedMessage): " + string.Join(", ", unbound));
        Assert.Contains(typeof(NodeLifecycle.NodeRequested), registered);
    }

    [Fact]
    public void Manifests_must_be_unique_and_versioned()
    {
        var manifests = ControllerEvents.Registry.Registrations.Values.ToList();

        Assert.Equal(manifests.Count, manifests.Distinct(StringComparer.Ordinal).Count());
        Assert.All(manifests, m => Assert.Matches(@"^[a-z]+(\.[a-z]+(-[a-z]+)*)+\.v[0-9]+$", m));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Akka_must_round_trip_every_registered_manifest_through_the_product_serializer(string manifest)
    {
        Assert.True(ControllerEvents.Registry.TryGetType(manifest, out var type));
        var sample = SampleMessages.Create(type);

        var serializer = _system.Serialization.FindSerializerFor(sample);
        var stored = Akka.Serialization.Serialization.ManifestFor(serializer, sample);
        var bytes = serializer.ToBinary(sample);
        var back = _system.Serialization.Deserialize(bytes, serializer.Identifier, stored);

        Assert.IsType<ProductSerializer>(serializer);
        Assert.Equal(ProductSerializer.SerializerIdentifier, serializer.Identifier);
        Assert.Equal(manifest, stored);
        Assert.IsType(type, back);
        // Records holding lists compare those by reference; the JSON of both sides compares every member by value.
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(serializer.ToBinary(back)));
        Assert.DoesNotContain("null", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Product_serializer_must_write_camel_case_json_under_the_manifest()
    {
        var evt = new NodeLifecycle.NodeRequested("d1-7", "d1", "small", 7, "d1_7", "d1-7.example.com", DateTimeOffset.UnixEpoch);
        var serializer = _system.Serialization.FindSerializerFor(evt);

        using var json = JsonDocument.Parse(serializer.ToBinary(evt));

        Assert.Equal("node.requested.v1", ((ProductSerializer)serializer).Manifest(evt));
        Assert.Equal("d1-7", json.RootElement.GetProperty("launchId").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("index").GetInt32());
    }

    [Fact]
    public void A_launch_failure_journaled_before_its_kind_existed_must_read_back_without_one_and_a_new_one_with_it()
    {
        var serializer = (ProductSerializer)_system.Serialization.FindSerializerFor(new NodeLifecycle.LaunchFailed("x", LaunchOutcome.Fail, DateTimeOffset.UnixEpoch));
        var old = Encoding.UTF8.GetBytes("""{"reason":"boot timeout: server d1_1 not ACTIVE after 00:10:00","outcome":"Fail","at":"2026-11-01T00:00:00+00:00"}""");
        var fresh = new NodeLifecycle.LaunchFailed("volume d1-1 went to error", LaunchOutcome.Retry, DateTimeOffset.UnixEpoch, LaunchFailureKind.VolumeError);

        var before = (NodeLifecycle.LaunchFailed)serializer.FromBinary(old, "node.launch-failed.v1");
        var after = (NodeLifecycle.LaunchFailed)serializer.FromBinary(serializer.ToBinary(fresh), "node.launch-failed.v1");

        Assert.Null(before.Kind);
        Assert.Equal(LaunchOutcome.Fail, before.Outcome);
        Assert.Equal(LaunchFailureKind.VolumeError, after.Kind);
    }

    [Fact]
    public void Unknown_manifest_must_fail_with_a_serialization_exception_naming_the_manifest()
    {
        var serializer = new ProductSerializer((ExtendedActorSystem)_system);

        var error = Assert.Throws<UnknownManifestException>(() => serializer.FromBinary("{}"u8.ToArray(), "node.teleported.v9"));

        Assert.IsAssignableFrom<SerializationException>(error);
        Assert.Equal("node.teleported.v9", error.Manifest);
        Assert.Contains("'node.teleported.v9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_payload_must_fail_naming_the_manifest_and_the_type()
    {
        var serializer = new ProductSerializer((ExtendedActorSystem)_system);

        var error = Assert.Throws<VersionedMessageException>(() => serializer.FromBinary("{not json"u8.ToArray(), "node.requested.v1"));

        Assert.Equal("node.requested.v1", error.Manifest);
        Assert.Contains("node.requested.v1", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(NodeLifecycle.NodeRequested), error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void Unregistered_versioned_type_must_be_refused_naming_it()
    {
        var serializer = _system.Serialization.FindSerializerFor(new Unregistered(1));

        var error = Assert.Throws<UnregisteredMessageTypeException>(() => Akka.Serialization.Serialization.ManifestFor(serializer, new Unregistered(1)));

        Assert.IsType<ProductSerializer>(serializer);
        Assert.Equal(typeof(Unregistered), error.Type);
        Assert.Contains(nameof(Unregistered), error.Message, StringComparison.Ordinal);
    }

    private sealed record Unregistered(int Value) : IVersionedMessage;
}
