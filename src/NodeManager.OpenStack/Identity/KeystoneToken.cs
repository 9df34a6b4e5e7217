namespace NodeManager.OpenStack.Identity;

/// <summary>A Keystone v3 token (value from <c>X-Subject-Token</c>) with its expiry and catalog. ToString hides the value.</summary>
public sealed record KeystoneToken(string Value, DateTimeOffset ExpiresAt, ServiceCatalog Catalog, string? ProjectId, string? ProjectName, string? UserId)
{
    public override string ToString() => $"token for project {ProjectName ?? ProjectId} expiring {ExpiresAt:O}";
}
