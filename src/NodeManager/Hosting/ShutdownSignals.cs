using System.Runtime.InteropServices;

namespace NodeManager.Hosting;

/// <summary>
/// SIGTERM, SIGINT (Ctrl-C) and SIGQUIT start a clean shutdown instead of killing the process. A second signal
/// while the shutdown runs is not intercepted, so an operator can still force the process down with Ctrl-C twice.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Action<string> _onSignal;
    private int _received;

    /// <param name="onSignal">Called once, on a thread-pool thread, with the signal's name as the shutdown reason.</param>
    public ShutdownSignals(Action<string> onSignal)
    {
        _onSignal = onSignal;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Handle),
        ];
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _received, 1) == 1)
        {
            return;
        }

        context.Cancel = true;
        var reason = context.Signal switch
        {
            PosixSignal.SIGTERM => "SIGTERM",
            PosixSignal.SIGINT => "SIGINT",
            PosixSignal.SIGQUIT => "SIGQUIT",
            _ => context.Signal.ToString(),
        };

        // Shutdown awaits actors and HTTP requests; the signal thread must not.
        ThreadPool.QueueUserWorkItem(_ => _onSignal(reason));
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
