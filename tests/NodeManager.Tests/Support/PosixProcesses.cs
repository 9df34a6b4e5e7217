using System.Diagnostics;
using System.Globalization;

namespace NodeManager.Tests.Support;

/// <summary>Signals and liveness by PID, for children and for the processes a child started (a script's members).</summary>
internal static class PosixProcesses
{
    /// <summary>Sends a signal by name (TERM, INT, QUIT, KILL, STOP, CONT) with kill(1), as systemd or a terminal would.</summary>
    public static void Signal(int pid, string signal)
    {
        var id = pid.ToString(CultureInfo.InvariantCulture);
        // "--" so that a negative id (a process group) is not read as an option.
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, "--", id }, RedirectStandardError = true })!;
        var error = kill.StandardError.ReadToEnd();
        if (!kill.WaitForExit(10_000) || kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {id} failed: {error.Trim()}");
        }
    }

    /// <summary>
    /// Sends a signal to every process of the group <paramref name="processGroup"/>, as a terminal sends Ctrl-C (INT) to
    /// its foreground job.
    /// </summary>
    public static void SignalGroup(int processGroup, string signal) => Signal(-processGroup, signal);

    /// <summary>True while <paramref name="pid"/> names a process that has not exited (a zombie has exited).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            // /proc/PID/stat: "PID (comm) STATE ..."; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 1)..].TrimStart()[0];
            return state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL to <paramref name="pid"/> if it still runs; for clean-up of processes a test learned of, never by name.</summary>
    public static void KillIfRunning(int pid)
    {
        if (!IsRunning(pid))
        {
            return;
        }

        try
        {
            Signal(pid, "KILL");
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the signal.
        }
    }
}
