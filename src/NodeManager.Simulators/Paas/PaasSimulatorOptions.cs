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

    public static PaasSimulatorOptions Create(Config config)
    {
        var c = config.GetConfig(Path);
        var rate = c.GetDouble("move-failure-rate");
        if (rate is < 0 or > 1) throw ConfigException.BadValue(c, "move-failure-rate", $"must be in 0..1, got {rate}");
        var max = c.GetInt("max-active-gears");
        if (max < 1) throw ConfigException.BadValue(c, "max-active-gears", $"must be ≥ 1, got {max}");
        var port = c.GetInt("port");
        if (port is < 0 or > 65535) throw ConfigException.BadValue(c, "port", $"must be 0..65535, got {port}");
        return new PaasSimulatorOptions
        {
            Seed = c.GetInt("seed"),
            ReadyDelay = c.GetTimeSpan("ready-delay"),
            MoveTime = c.GetTimeSpan("move-time"),
            MoveFailureRate = rate,
            MaxActiveGears = max,
            StateFile = c.GetString("state-file"),
            Host = c.GetString("host"),
            Port = port,
            Token = c.GetString("token"),
            Districts = c.GetConfigList("districts").Select(d => new SimulatedDistrict(
                d.GetString("name"),
                d.GetString("profile"),
                d.GetInt("uid-capacity"),
                d.GetConfigList("demand").Select(p => new DemandPoint(p.GetTimeSpan("at"), p.GetInt("gears"))).ToList())).ToList(),
        };
    }
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
