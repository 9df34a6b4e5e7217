using System.Diagnostics;
using System.Globalization;
using NodeManager.Tests.Faults;
using NodeManager.Tests.Support;

namespace NodeManager.Benchmarks.Cluster;

/// <summary>
/// Fail-over time: three real <c>nodemgr run</c> members on loopback (the fault specs' cluster), kill -9 of the member
/// driving district-a, and the time until every district it drove is owned by a survivor, as the survivors' management
/// endpoints report it. A plain timed harness, not BenchmarkDotNet: one measurement takes tens of seconds of wall-clock
/// time dominated by configured timeouts, needs a fresh cluster (processes, database) per run, and is not a CPU-bound
/// method that BenchmarkDotNet's warm-up, pilot and outlier statistics would improve. Prints each run, the median and
/// the worst, beside the configured times that are its floor and the load average. The floor: the failure detector's
/// pause, then stable-after before the split brain resolver downs the member, then the resolver's down-removal-margin
/// (stable-after again unless set) before shards start on the survivors; the dead member's leases expire meanwhile.
/// </summary>
internal static class FailoverTimer
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <param name="args">[--runs N] [--timings default|short] [--app DIR]</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var timings = Option(args, "--timings") == "short" ? FaultTimings.Short : FaultTimings.ProductDefaults;
        var built = Option(args, "--app") is null;
        NodemgrProcess.AppDirectory = Option(args, "--app") ?? await BuildAsync();
        try
        {
            return await MeasureAsync(runs, timings);
        }
        finally
        {
            if (built)
            {
                Directory.Delete(NodemgrProcess.AppDirectory, recursive: true);
            }
        }
    }

    private static async Task<int> MeasureAsync(int runs, FaultTimings timings)
    {
        Console.WriteLine($"fail-over after kill -9, {runs} runs; load average before: {LoadAverage()}");
        Console.WriteLine(
            $"configured: failure detector acceptable-heartbeat-pause {timings.AcceptableHeartbeatPause.TotalSeconds} s (heartbeat 1 s), " +
            $"split-brain-resolver stable-after {timings.StableAfter.TotalSeconds} s (down-removal-margin unset, so stable-after again), " +
            $"lease heartbeat-timeout {timings.LeaseTimeout.TotalSeconds} s; floor = max(pause + 2 × stable-after, lease) = " +
            $"{Math.Max((timings.AcceptableHeartbeatPause + (2 * timings.StableAfter)).TotalSeconds, timings.LeaseTimeout.TotalSeconds)} s");
        var times = new List<TimeSpan>();
        for (var run = 1; run <= runs; run++)
        {
            var (took, districts) = await OneRunAsync(timings);
            times.Add(took);
            Console.WriteLine($"run {run}: {took.TotalSeconds:F1} s until {districts} district(s) resumed on a survivor; load {LoadAverage()}");
        }

        var sorted = times.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        Console.WriteLine($"median {median.TotalSeconds:F1} s, worst {sorted[^1].TotalSeconds:F1} s, best {sorted[0].TotalSeconds:F1} s; load average after: {LoadAverage()}");
        return 0;
    }

    private static async Task<(TimeSpan Took, int Districts)> OneRunAsync(FaultTimings timings)
    {
        await using var database = await FaultDatabase.CreateAsync();
        await using var cluster = await FaultCluster.StartAsync(database.ConnectionString, members: 3, timings);
        await FaultSteps.EveryDistrictActiveAsync(cluster, cluster.Members[0], Limit);
        var owner = cluster.MemberAt(await cluster.OwnerAsync(cluster.Members[0], "district-a"))!;
        var owned = new List<string>();
        foreach (var district in FaultCluster.Districts)
        {
            if (cluster.MemberAt(await cluster.OwnerAsync(cluster.Members[0], district)) == owner)
            {
                owned.Add(district);
            }
        }

        var survivors = cluster.Members.Where(m => m != owner).ToList();
        owner.Process.Signal("KILL");
        var sinceKill = Stopwatch.StartNew();
        foreach (var district in owned)
        {
            await FaultSteps.ResumedElsewhereAsync(cluster, survivors, district, owner, Limit);
        }

        var took = sinceKill.Elapsed;
        foreach (var survivor in survivors)
        {
            survivor.Process.Signal("TERM");
            await survivor.Process.WaitForExitAsync(Limit);
        }

        return (took, owned.Count);
    }

    /// <summary>Builds the service host in Release into a temporary folder, as <c>deploy/local-cluster.sh</c> does.</summary>
    private static async Task<string> BuildAsync()
    {
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var project = Path.Combine(repo, "src", "NodeManager");
        if (!Directory.Exists(project))
        {
            throw new InvalidOperationException($"pass --app DIR (a folder with a built nodemgr.dll): {project} does not exist");
        }

        var output = Directory.CreateTempSubdirectory("nodemgr-failover-app-").FullName;
        Console.WriteLine($"building {project} into {output}");
        using var build = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { "build", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet" } })!;
        await build.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(15));
        return build.ExitCode == 0 ? output : throw new InvalidOperationException($"building {project} failed (exit {build.ExitCode})");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
