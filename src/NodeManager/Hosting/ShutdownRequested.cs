using Akka.Actor;

namespace NodeManager.Hosting;

/// <summary>
/// Coordinated shutdown's reason when the service was asked to stop (a signal, <c>stop</c>): an orderly exit, code 0.
/// Akka logs the reason's type when the shutdown begins; <see cref="Cause"/> is what asked.
/// </summary>
public sealed class ShutdownRequested(string cause) : CoordinatedShutdown.Reason
{
    public string Cause { get; } = cause;

    public override int ExitCode => 0;

    public override string ToString() => Cause;
}
