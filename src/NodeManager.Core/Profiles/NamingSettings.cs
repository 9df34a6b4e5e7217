namespace NodeManager.Core.Profiles;

/// <summary>
/// Node names: server <c>&lt;base&gt;&lt;server-separator&gt;N</c>, host <c>&lt;base&gt;&lt;host-separator&gt;N.&lt;domain&gt;</c>.
/// <see cref="BaseName"/> may use <c>{district}</c> and <c>{profile}</c>; the default <c>{district}</c> keeps names of
/// different districts apart, which name-based idempotency needs.
/// </summary>
public sealed record NamingSettings(string BaseName, string ServerSeparator, string HostSeparator, string Domain)
{
    public static NamingSettings Default { get; } = new("{district}", "_", "-", "example.com");
}
