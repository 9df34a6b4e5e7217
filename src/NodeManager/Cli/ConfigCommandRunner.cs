using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.Hosting;

namespace NodeManager.Cli;

/// <summary>The behaviour of `nodemgr config`, on plain writers so that specs can run it without a console.</summary>
public static class ConfigCommandRunner
{
    /// <summary>
    /// JSON of the resolved config on <paramref name="output"/>, each value typed as its reference.conf default is
    /// (<c>enabled = on</c> renders <c>true</c>, a port from an environment variable a number); exit 2 and the error on
    /// <paramref name="error"/>.
    /// </summary>
    public static int Render(IReadOnlyList<string> files, bool raw, TextWriter output, TextWriter error, ConfigResolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (raw && files.Count == 0)
        {
            error.WriteLine("nodemgr config render --raw: name at least one file");
            return ExitCodes.ConfigError;
        }
        if (HostConfiguration.Folders(files) is { Count: > 0 } folders)
        {
            foreach (var folder in folders)
            {
                error.WriteLine(folder.Message);
            }

            return ExitCodes.ConfigError;
        }

        try
        {
            var root = raw
                ? NodeManagerConfig.LoadUnresolved(files).Resolve(options).Root
                : ConfigRedactor.Redact(NodeManagerConfig.Load(files, options).Root);
            output.WriteLine(ConfigRenderer.RenderJson(root, NodeManagerConfig.ParseReference().Resolve(options).Root));
            return ExitCodes.Success;
        }
        catch (ConfigException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.ConfigError;
        }
    }

    /// <summary>Exit 0 and one line on <paramref name="output"/> when valid; else exit 2 with every error on <paramref name="error"/>.</summary>
    public static int Validate(IReadOnlyList<string> files, TextWriter output, TextWriter error, ConfigResolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var errors = HostConfiguration.ValidateFiles(files, options);
        if (errors.Count == 0)
        {
            output.WriteLine($"valid: {string.Join(", ", files)}");
            return ExitCodes.Success;
        }
        foreach (var e in errors)
        {
            error.WriteLine(e.Message);
        }
        return ExitCodes.ConfigError;
    }
}
