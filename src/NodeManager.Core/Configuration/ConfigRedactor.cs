using System.Text.RegularExpressions;
using NodeManager.Hocon;

namespace NodeManager.Core.Configuration;

/// <summary>
/// Replaces secret values in a config tree with <see cref="Redacted"/> so that a rendered configuration can be
/// shown or logged: keys named password, secret, token, passphrase, private-key or api-key (alone or as the end
/// of a kebab-case name such as application-credential-secret; token-refresh-margin is not a secret), and the
/// password inside connection strings and URLs.
/// </summary>
public static partial class ConfigRedactor
{
    public const string Redacted = "<redacted>";

    private static readonly string[] SecretWords = ["password", "secret", "token", "passphrase", "private-key", "api-key"];

    /// <summary>True when a key's last segment names a secret.</summary>
    public static bool IsSecretKey(string key) =>
        SecretWords.Any(w => key.Equals(w, StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("-" + w, StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("_" + w, StringComparison.OrdinalIgnoreCase));

    public static ConfigObject Redact(ConfigObject root) => (ConfigObject)Redact(root, null);

    private static ConfigValue Redact(ConfigValue value, string? key) => value switch
    {
        ConfigObject obj => ConfigObject.Create(obj.Origin, obj.Fields.Select(f => KeyValuePair.Create(f.Key, Redact(f.Value, f.Key)))),
        ConfigList list => new ConfigList(list.Origin, [.. list.Items.Select(i => Redact(i, key))]),
        ConfigScalar { ValueType: ConfigValueType.String, Text.Length: > 0 } s when key is not null && IsSecretKey(key) =>
            ConfigScalar.String(Redacted, s.Origin),
        ConfigScalar { ValueType: ConfigValueType.String } s => ConfigScalar.String(RedactEmbedded(s.Text), s.Origin),
        _ => value,
    };

    /// <summary>Masks a password inside a connection string (<c>Password=…</c>) or a URL (<c>user:pass@host</c>).</summary>
    public static string RedactEmbedded(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            var user = uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)];
            return text.Replace(uri.UserInfo + "@", user + ":" + Redacted + "@", StringComparison.Ordinal);
        }
        return ConnectionStringPassword().Replace(text, m => m.Groups["key"].Value + Redacted);
    }

    // "Password=…" / "pwd = …" in an ADO.NET or libpq key=value string, up to the next ';' (or space in libpq style).
    [GeneratedRegex(@"(?<key>(?:^|[;\s])\s*(?:password|pwd)\s*=\s*)(?:'[^']*'|""[^""]*""|[^;\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPassword();
}
