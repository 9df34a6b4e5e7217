namespace NodeManager.Core.Profiles;

/// <summary>
/// Renders a profile's user data with the original node manager's variables, written <c>${NODENAME}</c>,
/// <c>${DOMAIN}</c>, <c>${OSPROFILE}</c> and <c>${FQDN}</c> (quote the template in HOCON so they stay literal).
/// </summary>
public static class UserDataTemplate
{
    public static string Render(string template, NodeName name, string domain, string profile)
    {
        var shortName = name.Host.Split('.', 2)[0];
        return template
            .Replace("${NODENAME}", shortName, StringComparison.Ordinal)
            .Replace("${DOMAIN}", domain, StringComparison.Ordinal)
            .Replace("${OSPROFILE}", profile, StringComparison.Ordinal)
            .Replace("${FQDN}", name.Host, StringComparison.Ordinal);
    }
}
