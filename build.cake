// NodeManager build script (Cake). Targets: Build, Test, Coverage, Stress, Bench, Demo, Mutate.
//   dotnet tool restore && dotnet cake --target=Test
// Mutate runs Stryker.NET on the controller's decision and safety code (src/NodeManager.Core) with
// tests/NodeManager.Core.Tests (settings in its stryker-config.json); reports (html, json) go to
// .test-results/mutation. `--mutate=GLOB` (repeatable, relative to src/NodeManager.Core) narrows it,
// e.g. `--mutate=Scaling/**/*.cs`, reporting under .test-results/mutation/<scope>; `--tests=FILTER`
// (dotnet test --filter syntax) runs only some of the tests against each mutant.
// Test runs every test project. The PostgreSQL suites use NODEMANAGER_TEST_POSTGRES when it is
// set; otherwise this script installs Debian's `postgresql` package when it is missing, starts a
// throwaway server (own data directory, free port on 127.0.0.1) and removes it afterwards,
// also when tests fail. If PostgreSQL cannot be had, the run fails and says why. The status page's
// browser test needs Debian's `chromium` and `chromium-driver`: installed the same way when missing.

using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./NodeManager.sln";
var resultsDir = MakeAbsolute(Directory("./.test-results"));

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    TestBrowser.InstallWhenMissing(Context);
    using var postgres = ThrowawayPostgres.StartUnlessGiven(Context);
    Environment.SetEnvironmentVariable("NODEMANAGER_TEST_POSTGRES", postgres.ConnectionString);
    Information($"PostgreSQL for the test run: {postgres.Description}");

    CleanDirectory(resultsDir);
    Exception? failure = null;
    try
    {
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            ResultsDirectory = resultsDir,
            Loggers = new[] { "trx", "console;verbosity=minimal" },
        });
    }
    catch (Exception e)
    {
        failure = e;
    }
    PrintTestSummary(resultsDir);
    if (failure is not null) throw failure;
});

// Line and branch coverage of every test project, merged into one HTML report: a map of what no test exercises yet.
Task("Coverage")
    .IsDependentOn("Build")
    .Does(() =>
{
    TestBrowser.InstallWhenMissing(Context);
    using var postgres = ThrowawayPostgres.StartUnlessGiven(Context);
    Environment.SetEnvironmentVariable("NODEMANAGER_TEST_POSTGRES", postgres.ConnectionString);
    var coverageDir = resultsDir.Combine("coverage");
    CleanDirectory(coverageDir);
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        ResultsDirectory = coverageDir,
        Collectors = new[] { "XPlat Code Coverage" },
        Loggers = new[] { "console;verbosity=minimal" },
    });
    DotNetTool("reportgenerator", new DotNetToolSettings
    {
        ArgumentCustomization = args => args
            .Append($"-reports:{coverageDir}/**/coverage.cobertura.xml")
            .Append($"-targetdir:{coverageDir}/report")
            .Append("-reporttypes:Html;TextSummary")
            .Append("-assemblyfilters:+NodeManager*;-NodeManager.*Tests;-NodeManager.Testing"),
    });
    Information(System.IO.File.ReadAllText(coverageDir.CombineWithFilePath("report/Summary.txt").FullPath));
    Information($"Coverage report: {coverageDir}/report/index.html");
});

// The whole suite four times at once on one machine: a test that depends on wall-clock speed fails here first.
Task("Stress")
    .IsDependentOn("Build")
    .Does(() =>
{
    TestBrowser.InstallWhenMissing(Context);
    using var postgres = ThrowawayPostgres.StartUnlessGiven(Context);
    var runs = Argument("runs", 4);
    var stressDir = resultsDir.Combine("stress");
    CleanDirectory(stressDir);
    var processes = Enumerable.Range(1, runs).Select(run =>
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet",
            $"test {solution} -c {configuration} --no-build --no-restore --results-directory {stressDir}/run-{run} --logger trx --logger \"console;verbosity=minimal\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["NODEMANAGER_TEST_POSTGRES"] = postgres.ConnectionString;
        var process = System.Diagnostics.Process.Start(psi) ?? throw new Exception("could not start dotnet test");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        return (Run: run, Process: process, Output: output, Errors: errors);
    }).ToList();
    foreach (var p in processes)
    {
        p.Process.WaitForExit();
        System.IO.File.WriteAllText($"{stressDir}/run-{p.Run}.log", p.Output.Result + p.Errors.Result);
    }
    Information($"{runs} parallel runs; their output is under {stressDir}");
    PrintTestSummary(stressDir);
    if (processes.Any(p => p.Process.ExitCode != 0))
        throw new Exception($"a parallel run failed: see {stressDir}/run-*.log");
});

Task("Bench")
    .Does(() =>
{
    // The persistence benchmarks measure SQLite and PostgreSQL side by side.
    using var postgres = ThrowawayPostgres.StartUnlessGiven(Context);
    Environment.SetEnvironmentVariable("NODEMANAGER_TEST_POSTGRES", postgres.ConnectionString);
    DotNetRun("./tests/NodeManager.Benchmarks/NodeManager.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--filter").Append("*").Append("--join"),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("Demo")
    .Does(() =>
{
    DotNetRun("./src/NodeManager/NodeManager.csproj",
        new ProcessArgumentBuilder().Append("run").Append("--config").Append("hocon/demo.conf"),
        new DotNetRunSettings { Configuration = configuration });
});

// The rules that decide what the controller does to the cloud, and what keeps it safe.
var mutationScope = new[]
{
    "Scaling/**/*.cs",
    "Nodes/NodeLifecycleRules.cs",
    "Nodes/NodeStepRunner.cs",
    "Districts/**/*.cs",
    "Capacity/**/*.cs",
    "Cloud/CloudLimits.cs",
};

Task("Mutate")
    .Does(() =>
{
    var scope = Arguments<string>("mutate", mutationScope);
    // A narrowed run reports beside the full one instead of replacing it.
    var output = MakeAbsolute(Directory("./.test-results/mutation"));
    if (HasArgument("mutate"))
        output = output.Combine(string.Join("+", scope).Replace("/**/*.cs", "").Replace("/", "-").Replace("*", "").Replace(".cs", ""));
    CleanDirectory(output);
    var args = new ProcessArgumentBuilder()
        .Append("stryker")
        .Append("--project").Append("NodeManager.Core.csproj")
        .Append("--reporter").Append("html")
        .Append("--reporter").Append("json")
        .Append("--reporter").Append("dots")
        .Append("--output").AppendQuoted(output.FullPath)
        .Append("--skip-version-check");
    foreach (var glob in scope)
        args.Append("--mutate").AppendQuoted("**/NodeManager.Core/" + glob);
    // A test filter (dotnet test --filter syntax) leaves slow specs out of a run; the score is then a lower bound.
    if (Argument("tests", "") is { Length: > 0 } filter)
        args.Append("--test-case-filter").AppendQuoted(filter);
    var started = DateTime.UtcNow;
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = args,
        WorkingDirectory = MakeAbsolute(Directory("./tests/NodeManager.Core.Tests")),
    });
    Information($"Stryker took {DateTime.UtcNow - started:hh\\:mm\\:ss}; reports in {output}");
    if (exit != 0) throw new Exception($"Stryker exited {exit}");
});

RunTarget(target);

// Prints one closing line over every test assembly: "Tests: N passed, N failed, N skipped".
void PrintTestSummary(DirectoryPath dir)
{
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles(dir.FullPath + "/**/*.trx"))
    {
        var doc = XDocument.Load(trx.FullPath);
        // A test host that crashed leaves an aborted run whose counters may all be zero: it is a failure too.
        var outcome = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "ResultSummary")?.Attribute("outcome")?.Value;
        if (outcome is "Aborted" or "Error") failed++;
        var counters = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters is null) continue;
        int Read(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
        passed += Read("passed");
        failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
        skipped += Read("notExecuted");
    }
    // Plain, uncoloured, alone on its line: CI reads this closing line.
    Console.WriteLine($"Tests: {passed} passed, {failed} failed, {skipped} skipped");
}

/// A PostgreSQL server for one test run: the one NODEMANAGER_TEST_POSTGRES names, or a throwaway one.
sealed class ThrowawayPostgres : IDisposable
{
    public string ConnectionString { get; private init; } = "";
    public string Description { get; private init; } = "";
    private Action _stop = () => { };

    public static ThrowawayPostgres StartUnlessGiven(ICakeContext cake)
    {
        var given = Environment.GetEnvironmentVariable("NODEMANAGER_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
            return new ThrowawayPostgres { ConnectionString = given, Description = "given by NODEMANAGER_TEST_POSTGRES" };

        var bin = FindBinDir() ?? Install(cake);
        var isRoot = Run("id", "-u", allowFailure: true).Trim() == "0";
        var dataDir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nodemanager-pg-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dataDir);
        // The server refuses to run as root: as root, the data directory belongs to `postgres` and it runs as that user.
        string[] AsOwner(string exe, string args) => isRoot
            ? new[] { "runuser", $"-u postgres -- {exe} {args}" }
            : new[] { exe, args };
        if (isRoot) Run("chown", $"postgres:postgres {dataDir}");

        var port = FreePort();
        var initdb = AsOwner(System.IO.Path.Combine(bin, "initdb"), $"-D {dataDir}/data -A trust -U postgres --no-sync -E UTF8");
        Run(initdb[0], initdb[1]);
        var start = AsOwner(System.IO.Path.Combine(bin, "pg_ctl"),
            $"-D {dataDir}/data -l {dataDir}/server.log -w -t 60 -o \"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
        try
        {
            Run(start[0], start[1]);
        }
        catch (Exception e)
        {
            var log = System.IO.File.Exists($"{dataDir}/server.log") ? System.IO.File.ReadAllText($"{dataDir}/server.log") : "(no server log)";
            throw new Exception($"PostgreSQL could not be started for the tests: {e.Message}\n{log}");
        }
        var stop = AsOwner(System.IO.Path.Combine(bin, "pg_ctl"), $"-D {dataDir}/data -m immediate -w stop");
        return new ThrowawayPostgres
        {
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true",
            Description = $"throwaway server on 127.0.0.1:{port} ({dataDir})",
            _stop = () =>
            {
                Run(stop[0], stop[1], allowFailure: true);
                try { System.IO.Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
            },
        };
    }

    public void Dispose() => _stop();

    private static string? FindBinDir()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root)) return null;
        return System.IO.Directory.GetDirectories(root)
            .Select(d => System.IO.Path.Combine(d, "bin"))
            .Where(d => System.IO.File.Exists(System.IO.Path.Combine(d, "initdb")) && System.IO.File.Exists(System.IO.Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static string Install(ICakeContext cake)
    {
        cake.Information("PostgreSQL is not installed: installing Debian's `postgresql` package.");
        Run("apt-get", "update -q", allowFailure: true);
        Run("env", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql");
        return FindBinDir() ?? throw new Exception(
            "PostgreSQL is required by the test run and could not be installed: apt-get install postgresql left no initdb under /usr/lib/postgresql/*/bin. " +
            "Install it, or set NODEMANAGER_TEST_POSTGRES to a connection string.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Run(string exe, string args, bool allowFailure = false)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(exe, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = System.Diagnostics.Process.Start(psi) ?? throw new Exception($"could not start {exe}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0 && !allowFailure)
            throw new Exception($"`{exe} {args}` exited {p.ExitCode}: {stderr.Result}{stdout.Result}");
        return stdout.Result;
    }
}

/// Headless Chromium and its driver for the status page's browser test, from Debian's packages.
static class TestBrowser
{
    private static readonly string[] Required = { "/usr/bin/chromium", "/usr/bin/chromedriver" };

    public static void InstallWhenMissing(ICakeContext cake)
    {
        if (Required.All(System.IO.File.Exists)) return;
        cake.Information("Chromium or chromedriver is not installed: installing Debian's `chromium` and `chromium-driver` packages.");
        Apt("update -q");
        Apt("install -y -q --no-install-recommends chromium chromium-driver");
        if (!Required.All(System.IO.File.Exists))
            throw new Exception(
                "The status page's browser test needs /usr/bin/chromium and /usr/bin/chromedriver, and apt-get could not install them: " +
                "install Debian's `chromium` and `chromium-driver` packages.");
    }

    private static void Apt(string args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("env", $"DEBIAN_FRONTEND=noninteractive apt-get {args}");
        using var p = System.Diagnostics.Process.Start(psi) ?? throw new Exception("could not start apt-get");
        p.WaitForExit();
    }
}
