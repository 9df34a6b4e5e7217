namespace NodeManager.Hocon;

/// <summary>How <see cref="Config.Resolve(ConfigResolveOptions?)"/> treats substitutions not found in the configuration.</summary>
public sealed record ConfigResolveOptions
{
    /// <summary>Falls back to environment variables (the process environment).</summary>
    public static ConfigResolveOptions Default { get; } = new();

    /// <summary>No external fallback: what the Lightbend conformance suite resolves with.</summary>
    public static ConfigResolveOptions NoEnvironment { get; } = new() { UseEnvironment = false };

    /// <summary>Whether a substitution missing from the configuration is looked up as an environment variable.</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>Where environment variables come from; tests pass a dictionary's lookup. An empty value counts as unset.</summary>
    public Func<string, string?> EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Options that read variables from <paramref name="variables"/> instead of the process environment.</summary>
    public static ConfigResolveOptions WithEnvironment(IReadOnlyDictionary<string, string> variables) =>
        new() { EnvironmentLookup = name => variables.GetValueOrDefault(name) };
}
