using NodeManager.Hocon;
using NodeManager.Management;

namespace NodeManager.Hosting;

/// <summary>Everything <see cref="NodeManagerHost.StartAsync"/> needs; settings are already validated.</summary>
/// <param name="Config">The resolved product configuration, <c>akka</c> section included.</param>
public sealed record NodeManagerHostOptions(
    Config Config,
    HostSettings Host,
    ManagementSettings Management,
    ControllerRuntimeFactory Runtime)
{
    /// <summary>Scrubs configured secrets from management responses.</summary>
    public SecretRedactor Redactor { get; init; } = SecretRedactor.None;

    /// <summary>TLS between members; null: plain TCP.</summary>
    public RemoteTlsSettings? RemoteTls { get; init; }
}
