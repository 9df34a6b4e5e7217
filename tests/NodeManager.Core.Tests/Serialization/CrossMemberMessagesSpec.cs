using Akka.Actor;
using NodeManager.Core.Capacity;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Operations;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Tests.Serialization;

/// <summary>
/// Messages between members go through the product's serializer: the ones that cross are versioned, a decision keeps
/// its kind, and a product type that is not versioned is refused by Akka's fallback rather than written by Newtonsoft.
/// </summary>
public sealed class CrossMemberMessagesSpec : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("cross-member", ProductSerialization.Config);

    public static TheoryData<Type> Crossing() =>
    [
        typeof(DistrictSupervisor.Decide),
        typeof(DistrictSupervisor.RequestDrain),
        typeof(DistrictSupervisor.DrainAccepted),
        typeof(NodeLifecycle.DrainRefused),
        typeof(DistrictSupervisor.Operate),
        typeof(OperatorOutcome),
        typeof(CapacityWatcher.EvaluateNow),
        typeof(BoardReplication.DistrictPublished),
        typeof(BoardReplication.CapacityPublished),
    ];

    public void Dispose() => _system.Dispose();

    [Theory]
    [MemberData(nameof(Crossing))]
    public void Every_message_crossing_members_must_be_written_by_the_product_serializer(Type type)
    {
        var serializer = _system.Serialization.FindSerializerFor(SampleMessages.Create(type));

        Assert.IsType<ProductSerializer>(serializer);
    }

    [Fact]
    public void A_decision_must_keep_its_kind_across_members()
    {
        var decide = new DistrictSupervisor.Decide("small", new ScaleDown("d1", "d1-2.example.com", "usage 10%"), ["d1-1.example.com"], [],
            new HashSet<string>(StringComparer.Ordinal) { "d1-1.example.com", "d1-2.example.com" });
        var serializer = _system.Serialization.FindSerializerFor(decide);

        var back = (DistrictSupervisor.Decide)_system.Serialization.Deserialize(
            serializer.ToBinary(decide), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, decide));

        var down = Assert.IsType<ScaleDown>(back.Decision);
        Assert.Equal("d1-2.example.com", down.Node);
        Assert.Equal("scale-down", down.Kind);
        Assert.Equal(["d1-1.example.com", "d1-2.example.com"], back.ReportedHosts!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_product_type_that_is_not_versioned_must_be_refused_by_the_fallback_naming_it()
    {
        var drain = new NodeLifecycle.Drain("operator", ["d1-1.example.com"]);
        var serializer = _system.Serialization.FindSerializerFor(drain);

        var error = Assert.Throws<UnregisteredMessageTypeException>(() => serializer.ToBinary(drain));

        Assert.IsType<ProductFallbackSerializer>(serializer);
        Assert.Equal(typeof(NodeLifecycle.Drain), error.Type);
    }

    [Fact]
    public void The_fallback_must_still_write_types_that_are_not_the_products()
    {
        var value = new Dictionary<string, int> { ["gears"] = 3 };
        var serializer = _system.Serialization.FindSerializerFor(value);

        var back = _system.Serialization.Deserialize(serializer.ToBinary(value), serializer.Identifier, value.GetType());

        Assert.IsType<ProductFallbackSerializer>(serializer);
        Assert.Equal(3, Assert.IsType<Dictionary<string, int>>(back)["gears"]);
    }
}
