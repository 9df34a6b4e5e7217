using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NodeManager.Tests.Support;

/// <summary>
/// A program the test starts and owns: its stdout and stderr are kept whole (<see cref="Output"/> goes into every
/// failure message), it is signalled by its own PID, every wait is bounded, and disposing kills it (and its process
/// tree) if it still runs. The environment is the test's own without <c>OS_*</c> and <c>NODEMANAGER_*</c>, so a child
/// never picks up the developer's cloud or product settings; a test passes what the child needs explicitly.
/// </summary>
internal class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Line)> _waiters = [];
    private bool _stdoutClosed;

    protected ChildProcess(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var variable in info.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal) || k.StartsWith("NODEMANAGER_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(variable);
        }

        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[variable] = value;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        _name = $"{Path.GetFileName(fileName)} {string.Join(' ', info.ArgumentList.Take(3))}";
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => OnStdout(e.Data);
        _process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        _process.Start();
        // Nothing is ever typed into a child: its stdin is closed at once, as under systemd.
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Pid = _process.Id;
    }

    /// <summary>Starts <paramref name="fileName"/> (looked up on PATH unless a path) with <paramref name="args"/>.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        new(fileName, args, workingDirectory, environment);

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

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

    /// <summary>Everything the child wrote, for a failing assertion's message.</summary>
    public string Output => $"--- {_name} (pid {Pid}) stdout\n{Stdout}--- stderr\n{Stderr}";

    /// <summary>
    /// Completes with the first stdout line that <paramref name="match"/> accepts, whether written already or later;
    /// fails (with the output) when the child closes its stdout first.
    /// </summary>
    public Task<string> StdoutLine(Func<string, bool> match)
    {
        lock (_stdout)
        {
            if (_stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match) is { } written)
            {
                return Task.FromResult(written);
            }

            if (_stdoutClosed)
            {
                return Task.FromException<string>(new InvalidOperationException($"{_name} closed its output before the line awaited:\n{Output}"));
            }

            var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task;
        }
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, INT, QUIT, KILL, STOP, CONT) to this child's PID.</summary>
    public void Signal(string signal) => PosixProcesses.Signal(Pid, signal);

    /// <summary>
    /// Polls <paramref name="url"/> until <paramref name="accept"/> holds for an answer (refused connections count as
    /// not yet), within <paramref name="limit"/>; fails at once, with the child's output, if the child exits first.
    /// </summary>
    public Task UntilHttpAsync(Uri url, Func<HttpResponseMessage, bool> accept, TimeSpan limit) =>
        HttpCondition.UntilAsync(url, accept, limit, GoneAsync(), () => Output);

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
            throw new TimeoutException($"{_name} did not exit within {limit}\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Completes, naming the exit code, once the child has exited and both its output streams have ended.</summary>
    private async Task<string> GoneAsync()
    {
        await _process.WaitForExitAsync();
        return $"{_name} exited {_process.ExitCode}";
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        lock (_stdout)
        {
            if (line is null)
            {
                _stdoutClosed = true;
                foreach (var (_, waiter) in _waiters)
                {
                    waiter.TrySetException(new InvalidOperationException($"{_name} closed its output before the line awaited:\n{Output}"));
                }

                _waiters.Clear();
                return;
            }

            _stdout.AppendLine(line);
            foreach (var found in _waiters.Where(w => w.Match(line)).ToList())
            {
                found.Line.TrySetResult(line);
                _waiters.Remove(found);
            }
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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_name} (pid {Pid})");
}
