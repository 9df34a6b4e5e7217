using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Simulators.Paas;

/// <summary>The PaaS simulator's script (<c>node-manager.simulators.paas</c>).</summary>
public sealed record PaasSimulatorOptions
{
    public const string Path = "node-manager.simulators.paas";

    public int Seed { get; init; } = 1;

    /// <summary>A node added to a district becomes ready this long after.</summary>
    public TimeSpan ReadyDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One gear move takes this long.</summary>
    public TimeSpan MoveTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of gear moves that fail (0..1).</summary>
    public double MoveFailureRate { get; init; } = 0.05;

    public int MaxActiveGears { get; init; } = 100;

    public IReadOnlyList<SimulatedDistrict> Districts { get; init; } = [];

    /// <summary>JSON file the nodes are kept in across restarts; "" = in memory only.</summary>
    public string StateFile { get; init; } = "";

    /// <summary>Address the HTTP simulator (<c>nodemgr simulate paas</c>) listens on; 127.0.0.1 keeps it local.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port of the HTTP simulator; 0 = a free port chosen by the OS.</summary>
    public int Port { get; init; }

    /// <summary>Bearer token the HTTP simulator's platform routes require; "" = none.</summary>
    public string Token { get; init; } = "";

    /// <summary>Reads <c>node-manager.simulators.paas</c>; every value at fault is reported, each naming file, line and key.</summary>
    /// <exception cref="ConfigException">One value is at fault.</exception>
    /// <exception cref="ConfigErrorsException">Several are.</exception>
    public static PaasSimulatorOptions Create(Config config)
    {
        var section = config.GetConfig(Path);
        var c = new SettingsReader(section);
        var options = new PaasSimulatorOptions
        {
            Seed = c.Int("seed", int.MinValue),
            ReadyDelay = c.Duration("ready-delay"),
            MoveTime = c.Duration("move-time"),
            MoveFailureRate = c.Read("move-failure-rate", () => section.GetDouble("move-failure-rate") is var rate and >= 0 and <= 1
                ? rate
                : throw ConfigException.BadValue(section, "move-failure-rate", $"must be in 0..1, got {section.GetDouble("move-failure-rate")}"), 0),
            MaxActiveGears = c.Int("max-active-gears", 1),
            StateFile = c.String("state-file"),
            Host = c.String("host"),
            Port = c.Int("port", 0, 65535),
            Token = c.String("token"),
            Districts = c.Read("districts", () => section.GetConfigList("districts").Select(d => District(d, c.For(d))).ToList(), []),
        };
        return c.Result(options);
    }

    private static SimulatedDistrict District(Config district, SettingsReader d) => new(
        d.String("name"),
        d.String("profile"),
        d.Int("uid-capacity", 0),
        d.Read("demand", () => district.GetConfigList("demand").Select(p => Point(d.For(p))).ToList(), []));

    private static DemandPoint Point(SettingsReader p) => new(p.Duration("at"), p.Int("gears", 0));
}

/// <summary>One simulated district and its demand curve (gears wanted over time since the simulator started).</summary>
public sealed record SimulatedDistrict(string Name, string Profile, int UidCapacity, IReadOnlyList<DemandPoint> Demand)
{
    /// <summary>Gears wanted <paramref name="elapsed"/> after start: linear between points, flat outside them.</summary>
    public int DemandAt(TimeSpan elapsed)
    {
        if (Demand.Count == 0) return 0;
        var points = Demand.OrderBy(p => p.At).ToList();
        if (elapsed <= points[0].At) return points[0].Gears;
        for (var i = 1; i < points.Count; i++)
        {
            if (elapsed > points[i].At) continue;
            var (a, b) = (points[i - 1], points[i]);
            var t = (elapsed - a.At) / (b.At - a.At);
            return (int)Math.Round(a.Gears + t * (b.Gears - a.Gears));
        }

        return points[^1].Gears;
    }
}

public sealed record DemandPoint(TimeSpan At, int Gears);
