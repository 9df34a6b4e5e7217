namespace NodeManager.Management;

/// <summary>
/// Replaces the web host's console lifetime: SIGTERM and Ctrl-C belong to the service host, which runs
/// coordinated shutdown and stops this endpoint in its own phase.
/// </summary>
internal sealed class OwnedByHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
