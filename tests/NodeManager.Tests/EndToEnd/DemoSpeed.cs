using System.Globalization;
using System.Text;
using NodeManager.Core.Configuration;
using NodeManager.Simulators.Paas;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// demo.conf's story told <see cref="Factor"/> times faster. Akka's scheduler runs on real time, so the speed-up is in
/// the configuration: demo.conf's delays, intervals, cool-downs and demand curve divided by the factor. Timeouts keep
/// their values: they only bound failures, and shrinking them would make a loaded machine look like a broken cloud.
/// </summary>
internal static class DemoSpeed
{
    public const double Factor = 4;

    public static string DemoFile => Path.Combine(AppContext.BaseDirectory, "demo.conf");

    private static readonly string[] Scaled =
    [
        "node-manager.simulators.openstack.boot-delay",
        "node-manager.simulators.openstack.volume-create-delay",
        "node-manager.simulators.openstack.attach-delay",
        "node-manager.simulators.openstack.delete-delay",
        "node-manager.capacity.interval",
        "node-manager.scaling.scale-up-sustained-for",
        "node-manager.scaling.scale-down-unneeded-time",
        "node-manager.scaling.scale-down-delay-after-add",
        "node-manager.scaling.scale-up-cooldown",
        "node-manager.scaling.scale-down-cooldown",
        "node-manager.scaling.exhaustion-backoff.min",
        "node-manager.scaling.exhaustion-backoff.max",
        "node-manager.scaling.limits-cache-ttl",
        "node-manager.scaling.lifecycle.poll-interval",
        "node-manager.simulators.paas.ready-delay",
        "node-manager.simulators.paas.move-time",
    ];

    /// <summary>The demand curve's length at demo speed.</summary>
    public static TimeSpan ScenarioLength => Districts().SelectMany(d => d.Demand).Max(p => p.At) / Factor;

    /// <summary>HOCON laid over demo.conf: every delay of <see cref="Scaled"/> and every demand point divided by the factor.</summary>
    public static string Overrides()
    {
        var demo = NodeManagerConfig.Load([DemoFile]);
        var hocon = new StringBuilder();
        foreach (var path in Scaled)
        {
            hocon.AppendLine(CultureInfo.InvariantCulture, $"{path} = {Ms(demo.GetTimeSpan(path))}");
        }

        hocon.AppendLine("node-manager.simulators.paas.districts = [");
        foreach (var district in Districts())
        {
            var demand = string.Join(", ", district.Demand.Select(p => $"{{ at = {Ms(p.At)}, gears = {p.Gears} }}"));
            hocon.AppendLine(CultureInfo.InvariantCulture,
                $"  {{ name = \"{district.Name}\", profile = \"{district.Profile}\", uid-capacity = {district.UidCapacity}, demand = [{demand}] }}");
        }

        hocon.AppendLine("]");
        return hocon.ToString();
    }

    private static IReadOnlyList<SimulatedDistrict> Districts() => PaasSimulatorOptions.Create(NodeManagerConfig.Load([DemoFile])).Districts;

    private static string Ms(TimeSpan demoValue) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (long)Math.Round(demoValue.TotalMilliseconds / Factor))}ms");
}
