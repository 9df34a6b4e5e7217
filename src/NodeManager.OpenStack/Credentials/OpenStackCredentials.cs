using System.Text;

namespace NodeManager.OpenStack.Credentials;

/// <summary>
/// Keystone v3 credentials and the endpoint filter that goes with them. Either a password
/// (user by id, or by name within a domain; project by id, or by name within a domain) or an
/// application credential (id + secret; the credential carries its own scope).
/// <see cref="ToString"/> never prints a secret.
/// </summary>
public sealed record OpenStackCredentials
{
    public required string AuthUrl { get; init; }
    public string? Username { get; init; }
    public string? UserId { get; init; }
    public string? Password { get; init; }
    public string? UserDomainName { get; init; }
    public string? UserDomainId { get; init; }
    public string? ProjectName { get; init; }
    public string? ProjectId { get; init; }
    public string? ProjectDomainName { get; init; }
    public string? ProjectDomainId { get; init; }
    public string? ApplicationCredentialId { get; init; }
    public string? ApplicationCredentialSecret { get; init; }
    public string? RegionName { get; init; }
    /// <summary>public (default), internal or admin.</summary>
    public string Interface { get; init; } = "public";
    /// <summary>A PEM file of CA certificates to trust instead of the system store (OS_CACERT / cacert).</summary>
    public string? CaCertFile { get; init; }
    /// <summary>Where these came from, for messages: e.g. <c>clouds.yaml (/etc/openstack/clouds.yaml) cloud 'prod'</c>.</summary>
    public string Source { get; init; } = "explicit";

    public bool UsesApplicationCredential => !string.IsNullOrEmpty(ApplicationCredentialId);

    /// <summary>Names what is missing for Keystone to accept these, or null when they are complete.</summary>
    public string? Incomplete()
    {
        if (string.IsNullOrWhiteSpace(AuthUrl)) return "auth URL";
        if (UsesApplicationCredential)
            return string.IsNullOrEmpty(ApplicationCredentialSecret) ? "application credential secret" : null;
        if (string.IsNullOrEmpty(UserId) && string.IsNullOrEmpty(Username)) return "user name or id (or an application credential)";
        if (string.IsNullOrEmpty(Password)) return "password";
        if (string.IsNullOrEmpty(ProjectId) && string.IsNullOrEmpty(ProjectName)) return "project name or id";
        return null;
    }

    public override string ToString()
    {
        var sb = new StringBuilder($"{Source}: {AuthUrl}");
        if (UsesApplicationCredential) sb.Append($" application credential {ApplicationCredentialId}");
        else sb.Append($" user {UserId ?? Username} project {ProjectId ?? ProjectName}");
        if (RegionName is not null) sb.Append($" region {RegionName}");
        sb.Append($" interface {Interface}");
        return sb.ToString();
    }
}
