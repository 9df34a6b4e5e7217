using NodeManager.Hocon.Parsing;

namespace NodeManager.Hocon;

/// <summary>Entry points: parse HOCON (or JSON, or .properties by file extension) into an unresolved <see cref="Config"/>.</summary>
public static class ConfigFactory
{
    public static Config Empty { get; } = new(ConfigObject.Empty(ConfigOrigin.Unknown("empty config")));

    /// <summary>Parses HOCON text. Relative includes are looked up under <paramref name="includeDirectory"/> (default: the working directory).</summary>
    /// <exception cref="ConfigException">A syntax error or a missing required include, naming <c>originName:LINE:COL</c>.</exception>
    public static Config ParseString(string text, string originName = "string", string? includeDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Config(HoconParser.Parse(text, originName, includeDirectory, new ConfigIncluder()));
    }

    /// <summary>Parses a file; its includes are relative to its folder. Errors name the path as given.</summary>
    /// <exception cref="ConfigException">The file is missing or unreadable, or has a syntax error.</exception>
    public static Config ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ConfigException(ConfigOrigin.Unknown(path), null, "file not found");
        }
        return new Config(new ConfigIncluder().ParseFile(path, path, 0, null));
    }

    /// <summary>Parses .properties text (every value a string).</summary>
    public static Config ParseProperties(string text, string originName = "properties") =>
        new(PropertiesParser.Parse(text, originName));

    /// <summary>A config holding <paramref name="value"/> at <paramref name="path"/>, for layering one override.</summary>
    public static Config FromValue(string path, ConfigValue value) =>
        new((ConfigObject)ConfigMerge.Wrap(ConfigPath.Split(path), 0, value, value.Origin));
}
