using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NodeManager.Tests.Hosting;

/// <summary>The real <c>nodemgr</c> (built beside the tests) as a child process, with its output captured.</summary>
internal sealed partial class NodemgrProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<Uri> _management = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Line)> _waiters = [];

    private NodemgrProcess(Process process) => _process = process;

    public static NodemgrProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The child must not pick up the developer's cloud or product settings.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal) || k.StartsWith("NODEMANAGER_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nodemgr.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var result = new NodemgrProcess(process);
        process.OutputDataReceived += (_, e) => result.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => result.OnStderr(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Completes with the management endpoint's address once the log names it.</summary>
    public Task<Uri> Management => _management.Task;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Completes with the first stdout line that <paramref name="match"/> accepts, whether written already or later.</summary>
    public Task<string> StdoutLine(Func<string, bool> match)
    {
        lock (_stdout)
        {
            if (_stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match) is { } written)
            {
                return Task.FromResult(written);
            }

            var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task;
        }
    }

    /// <summary>Sends a signal by name (TERM, INT) with kill(1), as systemd or a terminal would.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {_process.Id} exited {kill.ExitCode}");
        }
    }

    /// <summary>Everything the child wrote, for a failing assertion's message.</summary>
    public string Output => $"--- stdout\n{Stdout}--- stderr\n{Stderr}";

    /// <summary>
    /// Waits for the exit and the end of both output streams (bounded, so a hung shutdown fails the test, with the child's
    /// output, instead of hanging it).
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"nodemgr did not exit within {limit}\n{Output}");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _management.TrySetException(new InvalidOperationException("nodemgr closed its output before naming the management endpoint:\n" + Output));
            lock (_stdout)
            {
                foreach (var (_, waiter) in _waiters)
                {
                    waiter.TrySetException(new InvalidOperationException("nodemgr closed its output before the line awaited:\n" + Output));
                }
            }

            return;
        }

        lock (_stdout)
        {
            _stdout.AppendLine(line);
            foreach (var found in _waiters.Where(w => w.Match(line)).ToList())
            {
                found.Line.TrySetResult(line);
                _waiters.Remove(found);
            }
        }

        if (ManagementListening().Match(line) is { Success: true } match)
        {
            _management.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    private void OnStderr(string? line)
    {
        if (line is not null)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"Management endpoint listening on (?<url>http://\S+?)/?$")]
    private static partial Regex ManagementListening();
}
