using YamlDotNet.RepresentationModel;

namespace NodeManager.OpenStack.Credentials;

/// <summary>
/// Reads one cloud from a <c>clouds.yaml</c> file, in the layout openstacksdk uses
/// (<c>clouds: name: auth: {auth_url, username, …}, region_name, interface, cacert</c>).
/// </summary>
public static class CloudsYaml
{
    /// <summary>openstacksdk's search order: <c>OS_CLIENT_CONFIG_FILE</c>, then the current directory, the user's config, /etc.</summary>
    public static IReadOnlyList<string> SearchPath(Func<string, string?> env, string currentDirectory, string homeDirectory)
    {
        var paths = new List<string>();
        if (env("OS_CLIENT_CONFIG_FILE") is { Length: > 0 } explicitFile) paths.Add(explicitFile);
        paths.Add(Path.Combine(currentDirectory, "clouds.yaml"));
        paths.Add(Path.Combine(homeDirectory, ".config", "openstack", "clouds.yaml"));
        paths.Add("/etc/openstack/clouds.yaml");
        return paths;
    }

    /// <summary>The first file of <paramref name="searchPath"/> that exists, or null.</summary>
    public static string? Locate(IEnumerable<string> searchPath) => searchPath.FirstOrDefault(File.Exists);

    /// <summary>Reads cloud <paramref name="cloud"/> from <paramref name="path"/>; throws naming the clouds the file has when it is absent.</summary>
    public static OpenStackCredentials Load(string path, string cloud)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
            yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || Child(root, "clouds") is not YamlMappingNode clouds)
            throw new Errors.CredentialsException($"{path}: no 'clouds:' mapping");
        if (Child(clouds, cloud) is not YamlMappingNode entry)
        {
            var names = string.Join(", ", clouds.Children.Keys.Select(k => k.ToString()));
            throw new Errors.CredentialsException($"{path}: no cloud named '{cloud}' (the file has: {names})");
        }
        var auth = Child(entry, "auth") as YamlMappingNode;
        string? A(string key) => auth is null ? null : Scalar(auth, key);
        var authUrl = A("auth_url") ?? throw new Errors.CredentialsException($"{path}: cloud '{cloud}' has no auth.auth_url");
        return new OpenStackCredentials
        {
            AuthUrl = authUrl,
            Username = A("username"),
            UserId = A("user_id"),
            Password = A("password"),
            UserDomainName = A("user_domain_name") ?? A("domain_name"),
            UserDomainId = A("user_domain_id") ?? A("domain_id"),
            ProjectName = A("project_name") ?? A("tenant_name"),
            ProjectId = A("project_id") ?? A("tenant_id"),
            ProjectDomainName = A("project_domain_name") ?? A("domain_name"),
            ProjectDomainId = A("project_domain_id") ?? A("domain_id"),
            ApplicationCredentialId = A("application_credential_id"),
            ApplicationCredentialSecret = A("application_credential_secret"),
            RegionName = Scalar(entry, "region_name"),
            Interface = OpenRc.NormaliseInterface(Scalar(entry, "interface")) ?? "public",
            CaCertFile = Scalar(entry, "cacert"),
            Source = $"clouds.yaml ({path}) cloud '{cloud}'",
        };
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
