namespace NodeManager.Core.Profiles;

/// <summary>A node's index in its district, its server name and its host name (FQDN).</summary>
public sealed record NodeName(int Index, string ServerName, string Host)
{
    /// <summary>
    /// The lowest index in 1..<paramref name="maxIndex"/> not in <paramref name="taken"/>, named by
    /// <paramref name="naming"/>; null when every index is taken.
    /// </summary>
    public static NodeName? Lowest(NamingSettings naming, string district, string profile, IReadOnlySet<int> taken, int maxIndex)
    {
        for (var i = 1; i <= maxIndex; i++)
            if (!taken.Contains(i))
                return For(naming, district, profile, i);
        return null;
    }

    public static NodeName For(NamingSettings naming, string district, string profile, int index)
    {
        var baseName = naming.BaseName.Replace("{district}", district, StringComparison.Ordinal)
            .Replace("{profile}", profile, StringComparison.Ordinal);
        var host = $"{baseName}{naming.HostSeparator}{index}";
        if (naming.Domain.Length > 0) host += "." + naming.Domain;
        return new NodeName(index, $"{baseName}{naming.ServerSeparator}{index}", host);
    }
}
