using NodeManager.Core.Status;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>
/// The production <see cref="IControllerRuntime"/>: journal, simulators, cloud, platform adapters and the
/// controller, all built from configuration.
/// </summary>
public sealed class ProductControllerRuntime : IControllerRuntime
{
    private ProductControllerRuntime(IControllerStatus status) => Status = status;

    /// <summary>Every product settings record, created up front so configuration errors are reported together.</summary>
    public static IReadOnlyList<Func<Config, object>> SettingsReaders { get; } = [];

    public IControllerStatus Status { get; }

    public static Task<IControllerRuntime> StartAsync(HostContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the controller is not wired into the host yet");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
