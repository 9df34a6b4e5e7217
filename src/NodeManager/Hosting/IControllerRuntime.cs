using Akka.Actor;
using NodeManager.Core.Status;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>
/// The controller and what it drives (simulators, cloud client, capacity source, platform adapter). Production builds it
/// from configuration (<see cref="ProductControllerRuntime"/>); tests substitute fakes. Its life in the host:
/// <list type="number">
/// <item>built by a <see cref="ControllerRuntimeFactory"/> before anything listens or any actor exists, so that the
/// operator's setup (credentials, a simulator's port) fails the start first;</item>
/// <item><see cref="Start"/>ed inside the actor system by Akka.Hosting's <c>WithActors</c>;</item>
/// <item>stopped by <see cref="StopAsync"/> in coordinated shutdown's <c>service-stop</c> phase, while the actor system
/// and its journal still run;</item>
/// <item>disposed once the actor system has terminated (simulators, HTTP clients).</item>
/// </list>
/// </summary>
public interface IControllerRuntime : IAsyncDisposable
{
    /// <summary>Starts the controller's actors in <paramref name="system"/>; returns its read side for the management endpoint.</summary>
    IControllerStatus Start(ActorSystem system);

    /// <summary>Stops the controller's actors; a no-op when it never started.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}

/// <summary>Builds an <see cref="IControllerRuntime"/>; a failure part-way releases what it had created.</summary>
public delegate Task<IControllerRuntime> ControllerRuntimeFactory(Config config, ILoggerFactory loggers, CancellationToken cancellationToken);
