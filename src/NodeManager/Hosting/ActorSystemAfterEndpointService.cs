using Akka.Hosting;

namespace NodeManager.Hosting;

/// <summary>
/// Akka.Hosting's hosted service, started once the management endpoint listens: the Generic Host runs every
/// <c>StartedAsync</c> after every <c>StartAsync</c> (Kestrel's included), so a port in use fails the start before the
/// actor system, the controller and any cloud call exist. Stopping is Akka.Hosting's own (coordinated shutdown).
/// </summary>
internal sealed class ActorSystemAfterEndpointService(
    AkkaConfigurationBuilder configurationBuilder,
    IServiceProvider serviceProvider,
    ILogger<AkkaHostedService> logger,
    IHostApplicationLifetime applicationLifetime)
    : AkkaHostedService(configurationBuilder, serviceProvider, logger, applicationLifetime), IHostedLifecycleService
{
    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => base.StartAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
