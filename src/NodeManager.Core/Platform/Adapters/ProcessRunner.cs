using System.Diagnostics;

namespace NodeManager.Core.Platform.Adapters;

/// <summary>
/// Runs one program with an argv list — never through a shell, so no value is ever interpreted — capturing exit code,
/// stdout and stderr. The original node manager's known issue is that these calls hang: on timeout the whole process
/// tree is killed and a <see cref="PlatformException"/> with <c>TimedOut</c> is thrown.
/// </summary>
public sealed class ProcessRunner(TimeProvider time)
{
    public async Task<ProcessResult> RunAsync(string operation, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (argv.Count == 0) throw new PlatformException(operation, "no command configured");
        var info = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in argv.Skip(1)) info.ArgumentList.Add(arg);

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new PlatformException(operation, $"cannot start {argv[0]}: {e.Message}", innerException: e);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it exited between the deadline and the kill
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new PlatformException(operation, $"{argv[0]} did not finish within {timeout} and was killed", timedOut: true);
        }
    }
}

/// <summary>What a program did: exit code and its output.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Throws <see cref="PlatformException"/> naming the operation, exit code and output unless the exit code is 0.</summary>
    public ProcessResult EnsureSuccess(string operation) => ExitCode == 0
        ? this
        : throw new PlatformException(operation, $"exit code {ExitCode}: {Trim(Stderr.Length > 0 ? Stderr : Stdout)}", ExitCode);

    private static string Trim(string text) => text.Length > 2000 ? text[..2000] + "…" : text.Trim();
}
