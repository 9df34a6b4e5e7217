namespace NodeManager.Hosting;

/// <summary>
/// Replaces the Generic Host's console lifetime: SIGTERM, SIGINT and SIGQUIT belong to <see cref="ShutdownSignals"/>,
/// which asks for one coordinated shutdown, instead of the host stopping its services on its own.
/// </summary>
internal sealed class OwnedByHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
