using System.Globalization;

namespace NodeManager.Tests.Faults;

/// <summary>One <c>nodemgr run</c> of a <see cref="FaultCluster"/>: its Akka remoting port (its address) and its process.</summary>
internal sealed class ClusterMember(int index, int port, NodemgrProcess process)
{
    public int Index { get; } = index;

    /// <summary>The Akka remoting port; 0 for a process that is no member of the cluster.</summary>
    public int Port { get; } = port;

    public NodemgrProcess Process { get; } = process;

    public int Pid => Process.Pid;

    /// <summary>The management endpoint, once the member announced it.</summary>
    public Task<Uri> Management => Process.Management;

    /// <summary>The Akka address the others know this member by.</summary>
    public string Address => $"akka.tcp://{FaultCluster.ClusterName}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>How the PaaS simulator names this member's platform calls (its platform.http.url ends with it).</summary>
    public string PlatformCaller => PlatformCallerOf(Index);

    /// <summary>How the OpenStack simulator names this member's cloud calls: its User-Agent carries the PID.</summary>
    public string CloudCaller(IEnumerable<string> callers) =>
        callers.FirstOrDefault(c => c.EndsWith($"; pid {Pid.ToString(CultureInfo.InvariantCulture)})", StringComparison.Ordinal)) ?? $"(no calls from pid {Pid})";

    public static string PlatformCallerOf(int index) => $"member-{index.ToString(CultureInfo.InvariantCulture)}";

    public override string ToString() => $"member-{Index} (pid {Pid}, {Address})";
}
