namespace NodeManager.Hocon.Parsing;

/// <summary>
/// Loads files for <c>include</c> statements and for <see cref="ConfigFactory.ParseFile"/>. Relative names are
/// resolved against the including file's folder (never the working directory, as the spec demands); a name without
/// a known extension loads every one of name.properties, name.json and name.conf that exists, merged in that order.
/// </summary>
internal sealed class ConfigIncluder
{
    // Deep enough for any real layout, shallow enough to stop a file that includes itself.
    private const int MaxDepth = 32;
    private static readonly string[] Extensions = [".properties", ".json", ".conf"];

    public ConfigObject ParseFile(string path, string description, int depth, ConfigOrigin? includedFrom)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(includedFrom ?? ConfigOrigin.Unknown(description), null, $"cannot read {description}: {e.Message}", e);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
            ? PropertiesParser.Parse(text, description)
            : HoconParser.Parse(text, description, directory, this, depth);
    }

    public ConfigObject Include(IncludeSpec spec, string? baseDirectory, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ConfigException(spec.Origin, null, $"includes nested more than {MaxDepth} deep (does a file include itself?)");
        }
        var name = spec.Kind switch
        {
            IncludeKind.Url when spec.Name.StartsWith("file:", StringComparison.OrdinalIgnoreCase) => new Uri(spec.Name).LocalPath,
            IncludeKind.Url => throw new ConfigException(spec.Origin, null, $"include url(\"{spec.Name}\"): only file: URLs are supported"),
            IncludeKind.Classpath => throw new ConfigException(spec.Origin, null,
                $"include classpath(\"{spec.Name}\"): there is no classpath in .NET; use file(\"…\")"),
            _ => spec.Name,
        };
        // Descriptions stay relative to the including file's own description, so messages show the path the operator typed.
        var location = Path.IsPathRooted(name) ? name : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), name);
        var candidates = HasKnownExtension(name) ? [location] : Extensions.Select(e => location + e).ToArray();
        ConfigObject? result = null;
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                continue;
            }
            var parsed = ParseFile(candidate, Describe(candidate), depth + 1, spec.Origin);
            result = result is null ? parsed : ConfigMerge.MergeObjects(parsed, result);
        }
        if (result is null && spec.Required)
        {
            throw new ConfigException(spec.Origin, null,
                $"required include \"{spec.Name}\" not found (looked for {string.Join(", ", candidates)})");
        }
        return result ?? ConfigObject.Empty(spec.Origin);
    }

    private static bool HasKnownExtension(string name) =>
        Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string Describe(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
