namespace NodeManager.Core.Platform;

/// <summary>
/// A platform operation or capacity read failed: <see cref="Operation"/> names it ("add-node node-3.example.com"),
/// <see cref="ExitCode"/> is the program's exit code (command adapter) or HTTP status (http adapter) when known,
/// and the message carries the platform's own output.
/// </summary>
public sealed class PlatformException(string operation, string message, int? exitCode = null, bool timedOut = false, Exception? innerException = null)
    : Exception($"{operation}: {message}", innerException)
{
    public string Operation { get; } = operation;

    public int? ExitCode { get; } = exitCode;

    public bool TimedOut { get; } = timedOut;
}
