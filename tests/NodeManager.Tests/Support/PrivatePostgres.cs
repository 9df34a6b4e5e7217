using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NodeManager.Tests.Support;

/// <summary>
/// A PostgreSQL server of one test's own (Debian's binaries under <c>/usr/lib/postgresql/*/bin</c>, a data directory in a
/// temporary folder, a free loopback port), for a test that stops and starts the database under running members; the
/// suite's shared server (NODEMANAGER_TEST_POSTGRES) is never stopped. As root the server runs as <c>postgres</c>, which
/// it requires. Disposing stops it (pg_ctl, then SIGKILL to the postmaster's PID if it is still there) and deletes the
/// folder.
/// </summary>
internal sealed class PrivatePostgres : IDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(90);
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgres;

    private PrivatePostgres(string bin, string root, bool asPostgres, int port)
    {
        _bin = bin;
        _root = root;
        _asPostgres = asPostgres;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Pooling=false";

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>initdb and start; fails naming why when the binaries are missing or the server does not start.</summary>
    public static PrivatePostgres Start()
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (Debian's postgresql package; `dotnet cake --target=Test` installs it)");
        var root = Directory.CreateTempSubdirectory("nodemgr-pg-").FullName;
        var asPostgres = Environment.UserName == "root";
        var server = new PrivatePostgres(bin, root, asPostgres, FreePort());
        try
        {
            if (asPostgres)
            {
                server.Run("chown", "postgres:postgres", root);
            }

            server.RunAsOwner("initdb", "-D", server.DataDirectory, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            server.StartServer();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: sessions are cut, as when a database host goes away), waiting until it is gone.</summary>
    public void Stop() => RunAsOwner("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Starts the stopped server again on the same port, waiting until it accepts connections.</summary>
    public void StartServer() => RunAsOwner(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>True while the server's postmaster.pid exists (between a start and a stop).</summary>
    public bool IsRunning => File.Exists(Path.Combine(DataDirectory, "postmaster.pid"));

    /// <summary>The server's log, for a failure message.</summary>
    public string Log => File.Exists(Path.Combine(_root, "server.log")) ? File.ReadAllText(Path.Combine(_root, "server.log")) : "(no server log)";

    public void Dispose()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile))
        {
            try
            {
                RunAsOwner("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop");
            }
            catch (InvalidOperationException)
            {
                // The PID file may outlive a stopped server; the check below ends a live one by its PID.
            }

            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                PosixProcesses.KillIfRunning(pid);
            }
        }

        Directory.Delete(_root, recursive: true);
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        return !Directory.Exists(root)
            ? null
            : Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunAsOwner(string tool, params string[] args)
    {
        var exe = Path.Combine(_bin, tool);
        if (_asPostgres)
        {
            Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        }
        else
        {
            Run(exe, args);
        }
    }

    private void Run(string exe, params string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {exe}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandLimit))
        {
            process.Kill();
            throw new InvalidOperationException($"{exe} {string.Join(' ', args)} did not finish within {CommandLimit}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{exe} {string.Join(' ', args)} exited {process.ExitCode}: {stdout.Result}{stderr.Result}\n{Log}");
        }
    }
}
