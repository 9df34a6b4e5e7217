namespace NodeManager.OpenStack.Credentials;

/// <summary>Credentials from the openrc <c>OS_*</c> environment variables (including the Keystone v2 era OS_TENANT_*).</summary>
public static class OpenRc
{
    /// <summary>Null when <c>OS_AUTH_URL</c> is not set.</summary>
    public static OpenStackCredentials? FromEnvironment(Func<string, string?> env)
    {
        string? Get(string name) => env(name) is { Length: > 0 } value ? value : null;

        var authUrl = Get("OS_AUTH_URL");
        if (authUrl is null) return null;
        return new OpenStackCredentials
        {
            AuthUrl = authUrl,
            Username = Get("OS_USERNAME"),
            UserId = Get("OS_USER_ID"),
            Password = Get("OS_PASSWORD"),
            UserDomainName = Get("OS_USER_DOMAIN_NAME"),
            UserDomainId = Get("OS_USER_DOMAIN_ID"),
            ProjectName = Get("OS_PROJECT_NAME") ?? Get("OS_TENANT_NAME"),
            ProjectId = Get("OS_PROJECT_ID") ?? Get("OS_TENANT_ID"),
            ProjectDomainName = Get("OS_PROJECT_DOMAIN_NAME"),
            ProjectDomainId = Get("OS_PROJECT_DOMAIN_ID"),
            ApplicationCredentialId = Get("OS_APPLICATION_CREDENTIAL_ID"),
            ApplicationCredentialSecret = Get("OS_APPLICATION_CREDENTIAL_SECRET"),
            RegionName = Get("OS_REGION_NAME"),
            Interface = NormaliseInterface(Get("OS_INTERFACE") ?? Get("OS_ENDPOINT_TYPE")) ?? "public",
            CaCertFile = Get("OS_CACERT"),
            Source = "OS_* environment variables",
        };
    }

    /// <summary>The same, from a list of variables (e.g. the simulator's <c>OpenRc</c>) instead of the process environment.</summary>
    public static OpenStackCredentials? FromVariables(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var map = variables.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return FromEnvironment(name => map.GetValueOrDefault(name));
    }

    /// <summary>Accepts the older "publicURL"/"internalURL"/"adminURL" spellings.</summary>
    internal static string? NormaliseInterface(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "publicurl" => "public",
            "internalurl" => "internal",
            "adminurl" => "admin",
            var v => v,
        };
}
