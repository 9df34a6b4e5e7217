using NodeManager.OpenStack.Errors;

namespace NodeManager.OpenStack.Credentials;

/// <summary>
/// Picks the credentials NodeManager uses. The first source that applies wins as a whole (sources are
/// never mixed, so a stray OS_PASSWORD cannot leak into a clouds.yaml cloud):
/// <list type="number">
/// <item>HOCON <c>node-manager.openstack.cloud</c> set → that cloud from clouds.yaml;</item>
/// <item>HOCON <c>node-manager.openstack.auth.auth-url</c> set → the HOCON <c>auth { }</c> block;</item>
/// <item>environment <c>OS_CLOUD</c> set → that cloud from clouds.yaml;</item>
/// <item>environment <c>OS_AUTH_URL</c> set → the openrc <c>OS_*</c> variables.</item>
/// </list>
/// HOCON <c>region</c>, <c>interface</c> and <c>cacert</c>, when set, override what the source says.
/// clouds.yaml is looked up in <c>clouds-yaml</c> (HOCON) if set, else OS_CLIENT_CONFIG_FILE, ./, ~/.config/openstack/, /etc/openstack/.
/// </summary>
public sealed class CredentialResolver(Func<string, string?> environment, string currentDirectory, string homeDirectory)
{
    public static CredentialResolver ForProcess() => new(
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public OpenStackCredentials Resolve(OpenStackSettings settings)
    {
        var chosen = Choose(settings);
        var problem = chosen.Incomplete();
        if (problem is not null)
            throw new CredentialsException($"OpenStack credentials from {chosen.Source} lack a {problem}");
        return chosen with
        {
            RegionName = settings.Region ?? chosen.RegionName,
            Interface = settings.Interface ?? chosen.Interface,
            CaCertFile = settings.CaCertFile ?? chosen.CaCertFile,
        };
    }

    private OpenStackCredentials Choose(OpenStackSettings settings)
    {
        if (settings.Cloud is { Length: > 0 } cloud)
            return FromCloudsYaml(settings, cloud, "node-manager.openstack.cloud");
        if (settings.Auth is { AuthUrl.Length: > 0 } auth)
            return auth with { Source = "HOCON node-manager.openstack.auth" };
        if (environment("OS_CLOUD") is { Length: > 0 } osCloud)
            return FromCloudsYaml(settings, osCloud, "OS_CLOUD");
        if (OpenRc.FromEnvironment(environment) is { } openrc)
            return openrc;
        throw new CredentialsException(
            "no OpenStack credentials: set node-manager.openstack.cloud (a clouds.yaml cloud), " +
            "node-manager.openstack.auth.auth-url, OS_CLOUD, or the openrc OS_AUTH_URL/OS_USERNAME/OS_PASSWORD/OS_PROJECT_NAME variables");
    }

    private OpenStackCredentials FromCloudsYaml(OpenStackSettings settings, string cloud, string chosenBy)
    {
        var searchPath = settings.CloudsYamlPath is { Length: > 0 } p
            ? [p]
            : CloudsYaml.SearchPath(environment, currentDirectory, homeDirectory);
        var file = CloudsYaml.Locate(searchPath)
            ?? throw new CredentialsException(
                $"cloud '{cloud}' (from {chosenBy}) needs a clouds.yaml, and none exists at: {string.Join(", ", searchPath)}");
        return CloudsYaml.Load(file, cloud);
    }
}
