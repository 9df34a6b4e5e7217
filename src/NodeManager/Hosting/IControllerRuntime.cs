using NodeManager.Core.Status;

namespace NodeManager.Hosting;

/// <summary>
/// What the host runs between the actor system and the management endpoint: the journal, the simulators,
/// the cloud and platform adapters and the controller. Production builds it from configuration
/// (<see cref="ProductControllerRuntime"/>); tests substitute fakes.
/// </summary>
public interface IControllerRuntime : IAsyncDisposable
{
    /// <summary>The controller's read side, served by the management endpoint.</summary>
    IControllerStatus Status { get; }

    /// <summary>
    /// Stops the controller's actors (coordinated shutdown's <c>service-stop</c> phase). The actor system and the
    /// journal still run, so the controller can journal where it stood. <see cref="IAsyncDisposable.DisposeAsync"/>
    /// releases the rest (simulators, HTTP clients) after the actor system has terminated.
    /// </summary>
    Task StopAsync(CancellationToken cancellationToken);
}

/// <summary>Starts an <see cref="IControllerRuntime"/> inside a started actor system.</summary>
public delegate Task<IControllerRuntime> ControllerRuntimeFactory(HostContext context, CancellationToken cancellationToken);
