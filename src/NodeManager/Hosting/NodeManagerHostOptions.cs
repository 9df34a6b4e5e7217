using NodeManager.Hocon;
using NodeManager.Management;

namespace NodeManager.Hosting;

/// <summary>Everything <see cref="NodeManagerHost.StartAsync"/> needs; settings are already validated.</summary>
public sealed record NodeManagerHostOptions(
    Config Config,
    HostSettings Host,
    ManagementSettings Management,
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider,
    ControllerRuntimeFactory Runtime)
{
    /// <summary>Scrubs configured secrets from management responses.</summary>
    public SecretRedactor Redactor { get; init; } = SecretRedactor.None;

    /// <summary>Last say over the management endpoint's builder (tests swap Kestrel for a TestServer).</summary>
    public Action<WebApplicationBuilder>? ConfigureManagement { get; init; }
}
