using System.Globalization;
using System.Text.RegularExpressions;

namespace NodeManager.Tests.Support;

/// <summary>
/// <c>deploy/local-cluster.sh</c> run on the nodemgr built beside the tests (<c>--app</c>), in a process group of its
/// own as a terminal's foreground job would be, so a test can send it a terminal's Ctrl-C. It learns the PID of every
/// process the script starts from the script's output, and disposing kills any of them still running, by PID, after
/// the script itself: nothing a test started outlives it.
/// </summary>
internal sealed partial class LocalClusterScript : IDisposable
{
    /// <summary>Ports the script lays out from its base: three management, three remoting, two simulators.</summary>
    public const int PortCount = 8;

    private readonly ChildProcess _script;

    private LocalClusterScript(ChildProcess script, int basePort)
    {
        _script = script;
        BasePort = basePort;
    }

    /// <param name="runDirectory">the script's --dir.</param>
    /// <param name="connectionString">the shared PostgreSQL (NODEMANAGER_POSTGRES).</param>
    /// <param name="schema">the members' journal schema (--schema).</param>
    /// <param name="basePort">the first of <see cref="PortCount"/> free loopback ports (--base-port).</param>
    public static LocalClusterScript Start(string runDirectory, string connectionString, string schema, int basePort)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "deploy", "local-cluster.sh");
        // setsid: the script leads a process group of its own (its PID is the group's id), like a job in a terminal;
        // not being a group leader when started, setsid execs bash in place, so the PID stays the script's.
        var process = ChildProcess.Start(
            "setsid",
            ["bash", script, "--app", AppContext.BaseDirectory, "--config", Path.Combine(AppContext.BaseDirectory, "demo.conf"),
                "--dir", runDirectory, "--schema", schema, "--base-port", basePort.ToString(CultureInfo.InvariantCulture)],
            runDirectory,
            new Dictionary<string, string> { ["NODEMANAGER_POSTGRES"] = connectionString });
        return new LocalClusterScript(process, basePort);
    }

    public ChildProcess Script => _script;

    public int BasePort { get; }

    public IReadOnlyList<Uri> Members => [.. Enumerable.Range(0, 3).Select(i => Loopback(BasePort + i))];

    public Uri OpenStackSimulator => Loopback(BasePort + 6);

    public Uri PaasSimulator => Loopback(BasePort + 7);

    /// <summary>Every process the script reported starting so far, by name (openstack-simulator, member-1, …).</summary>
    public IReadOnlyDictionary<string, int> Started =>
        StartedLine().Matches(_script.Stdout).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture));

    /// <summary>The exit code the script reported for each process it stopped, by name.</summary>
    public IReadOnlyDictionary<string, int> Exited =>
        ExitedLine().Matches(_script.Stdout).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture));

    /// <summary>Completes once the script says everything has started; fails with its output if it ends first.</summary>
    public Task AllStarted => _script.StdoutLine(l => l.Contains("local-cluster: all started", StringComparison.Ordinal));

    public void Dispose()
    {
        var started = Started.Values.ToList();
        _script.Dispose();
        foreach (var pid in started)
        {
            PosixProcesses.KillIfRunning(pid);
        }
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    [GeneratedRegex(@"local-cluster: started (?<name>\S+)\s+pid (?<pid>\d+)")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"local-cluster: (?<name>\S+) \(pid \d+\) exited (?<code>\d+)")]
    private static partial Regex ExitedLine();
}
