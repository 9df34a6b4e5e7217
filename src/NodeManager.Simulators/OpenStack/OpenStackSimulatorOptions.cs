using Microsoft.Extensions.Logging;

namespace NodeManager.Simulators.OpenStack;

/// <summary>How the OpenStack simulator behaves; mirrors <c>node-manager.simulators.openstack { }</c> in reference.conf.</summary>
public sealed partial record OpenStackSimulatorOptions
{
    /// <summary>0 = a free port chosen by the OS.</summary>
    public int Port { get; init; }
    /// <summary>127.0.0.1 for tests; 0.0.0.0 to serve other hosts.</summary>
    public string Host { get; init; } = "127.0.0.1";
    public string Region { get; init; } = "RegionOne";

    public string Username { get; init; } = "nodemanager";
    public string Password { get; init; } = "simulator-password";
    public string UserDomainName { get; init; } = "Default";
    public string ProjectName { get; init; } = "nodemanager";
    public string ProjectId { get; init; } = "6f70656e737461636b20342065766572";
    public string ApplicationCredentialId { get; init; } = "sim-app-cred";
    /// <summary>The simulated user's id (Keystone's token, Nova's and Cinder's user_id).</summary>
    public string UserId => "u-" + Username;
    public string ApplicationCredentialSecret { get; init; } = "sim-app-secret";

    /// <summary>BUILD → ACTIVE (or → ERROR in no-valid-host mode).</summary>
    public TimeSpan BootDelay { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>creating → available (or → error in volume-error mode).</summary>
    public TimeSpan VolumeCreateDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>attaching → in-use.</summary>
    public TimeSpan AttachDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>A deleted server or volume stays listed (deleting) this long.</summary>
    public TimeSpan DeleteDelay { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    public SimulatorQuotas Quotas { get; init; } = new();
    /// <summary>Whether the catalog offers Designate (dns) and which zones exist.</summary>
    public bool IncludeDns { get; init; } = true;
    public IReadOnlyList<string> DnsZones { get; init; } = ["example.com."];
    /// <summary>
    /// The networks Neutron lists (by name; each id is derived from its name, so it stays the same across restarts).
    /// Nova refuses a server on a network uuid not among them, as a real cloud does.
    /// </summary>
    public IReadOnlyList<string> Networks { get; init; } = ["private"];
    /// <summary>Seeds error-rate and latency sampling so that runs repeat.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>
    /// JSON file the simulated cloud is kept in across restarts (servers, volumes, attachments, recordsets); loaded at
    /// start when it exists, rewritten atomically after every change. "" = in memory only.
    /// </summary>
    public string StateFile { get; init; } = "";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    public ILoggerFactory? LoggerFactory { get; init; }
}

/// <summary>Project quotas the simulator enforces; -1 = unlimited.</summary>
public sealed record SimulatorQuotas(int Instances = 10, int Cores = 20, int RamMiB = 51200, int Volumes = 10, int Gigabytes = 1000);
