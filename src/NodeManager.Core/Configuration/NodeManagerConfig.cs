using NodeManager.Hocon;

namespace NodeManager.Core.Configuration;

/// <summary>
/// Loads the product configuration the way Akka does: the operator's files (a later file overrides an earlier
/// one), over the embedded <c>hocon/reference.conf</c>, resolved as one tree so substitutions may cross files,
/// with environment variables as the fallback for <c>${VAR}</c> and <c>${?VAR}</c>.
/// </summary>
public static class NodeManagerConfig
{
    /// <summary>The origin name of the embedded reference in error messages.</summary>
    public const string ReferenceOriginName = "reference.conf";

    private const string ResourceName = "NodeManager.Core.reference.conf";

    private static readonly Lazy<string> ReferenceSource = new(ReadReference);

    /// <summary>The text of the embedded reference.conf.</summary>
    public static string ReferenceText => ReferenceSource.Value;

    private static readonly Lazy<Config> ResolvedReference = new(() => ParseReference().Resolve());

    /// <summary>The reference config alone, resolved with the process environment (once per process).</summary>
    public static Config Reference => ResolvedReference.Value;

    /// <summary>The reference config, unresolved (so operator files can still override what its substitutions read).</summary>
    public static Config ParseReference() => ConfigFactory.ParseString(ReferenceText, ReferenceOriginName);

    /// <summary>Operator files over the reference, resolved.</summary>
    /// <exception cref="ConfigException">A file is missing or invalid, or a substitution cannot be resolved.</exception>
    public static Config Load(IReadOnlyList<string> files, ConfigResolveOptions? options = null) =>
        LoadUnresolved(files).WithFallback(ParseReference()).Resolve(options);

    /// <summary>Exactly the given files merged (a later file wins), without the reference and unresolved.</summary>
    public static Config LoadUnresolved(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var merged = ConfigFactory.Empty;
        foreach (var file in files)
        {
            merged = ConfigFactory.ParseFile(file).WithFallback(merged);
        }
        return merged;
    }

    private static string ReadReference()
    {
        using var stream = typeof(NodeManagerConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(NodeManagerConfig).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
