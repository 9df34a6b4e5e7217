namespace NodeManager.Hocon;

/// <summary>
/// Any configuration error: syntax, includes, substitutions, or a value of the wrong type or range.
/// The message reads <c>FILE:LINE:COL: key.path: detail</c> so an operator can jump straight to the fault.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(ConfigOrigin? origin, string? path, string detail, Exception? inner = null)
        : base(Format(origin, path, detail), inner)
    {
        Origin = origin;
        Path = string.IsNullOrEmpty(path) ? null : path;
        Detail = detail;
    }

    /// <summary>Where the fault is, when known.</summary>
    public ConfigOrigin? Origin { get; }

    /// <summary>The key path at fault (absolute, dotted), when there is one.</summary>
    public string? Path { get; }

    /// <summary>The message without origin and path.</summary>
    public string Detail { get; }

    /// <summary>
    /// For settings records rejecting a value that parsed but is out of range: names the value's origin and its
    /// absolute key path, e.g. <c>demo.conf:12:14: node-manager.scaling.max-nodes: must be ≥ min-nodes (3)</c>.
    /// </summary>
    public static ConfigException BadValue(Config config, string path, string message)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ConfigException(config.GetOrigin(path), config.AbsolutePath(path), message);
    }

    internal static string Format(ConfigOrigin? origin, string? path, string detail)
    {
        var where = origin is null ? "" : origin + ": ";
        var key = string.IsNullOrEmpty(path) ? "" : path + ": ";
        return where + key + detail;
    }
}
