using Microsoft.Extensions.Hosting;

namespace NodeManager.Simulators.OpenStack;

/// <summary>
/// The simulator is a component its owner starts and disposes, so it must not take over the process's
/// Ctrl-C/SIGTERM handling the way a web host's default console lifetime does.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
