using NodeManager.OpenStack.Credentials;

namespace NodeManager.OpenStack;

/// <summary>
/// Settings of the OpenStack client, mirroring <c>node-manager.openstack { }</c> in reference.conf
/// (created from HOCON by <see cref="Create"/>; tests build it directly). Credential precedence is
/// documented on <see cref="CredentialResolver"/>.
/// </summary>
public sealed partial record OpenStackSettings
{
    /// <summary>A clouds.yaml cloud name; null = not chosen by config (OS_CLOUD may still choose one).</summary>
    public string? Cloud { get; init; }
    /// <summary>An explicit clouds.yaml path; null = the standard search path.</summary>
    public string? CloudsYamlPath { get; init; }
    /// <summary>Credentials written in HOCON (<c>auth { }</c>); used when <see cref="OpenStackCredentials.AuthUrl"/> is set.</summary>
    public OpenStackCredentials? Auth { get; init; }
    public string? Region { get; init; }
    public string? Interface { get; init; }
    public string? CaCertFile { get; init; }

    /// <summary>Sent as <c>OpenStack-API-Version: compute X</c> on every Nova call.</summary>
    public string ComputeMicroversion { get; init; } = "2.37";
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A token is renewed this long before its <c>expires_at</c>.</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Retries after the first attempt, for 5xx, timeouts and rate limits only.</summary>
    public int MaxRetries { get; init; } = 3;
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A Retry-After longer than this is not waited for: the call fails with RateLimited instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Requests in flight to this cloud at once.</summary>
    public int MaxConcurrency { get; init; } = 16;
    /// <summary>Minimum time between two requests to this cloud (Nodepool's <c>rate</c>); zero = unlimited.</summary>
    public TimeSpan RequestInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Whether the ICloud adapter manages DNS records in Designate.</summary>
    public bool DnsEnabled { get; init; }
}
