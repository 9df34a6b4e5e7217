using NodeManager.Hocon;

namespace NodeManager.OpenStack.Diagnostics;

/// <summary>
/// What <see cref="ProfileCheck"/> found: every value it looked up, and one <see cref="ConfigException"/> per value the
/// cloud lacks or the profile leaves unset (file:line:col, key, and what the cloud has instead).
/// </summary>
public sealed record ProfileCheckResult(IReadOnlyList<ProfileValue> Checked, IReadOnlyList<ConfigException> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// One value looked up in the cloud: the key that sets it (<c>node-manager.profiles.default.image</c>), what it names
/// (image, flavor, volume type), and the profiles that use it (a named profile inherits <c>default</c>'s keys it does not set).
/// </summary>
public sealed record ProfileValue(string Key, string What, string Value, IReadOnlyList<string> Profiles, bool Found);
