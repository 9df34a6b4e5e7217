namespace NodeManager.Cli;

/// <summary>
/// What `nodemgr` reads from the world besides its arguments: environment variables (the token, and the
/// <c>${?VAR}</c> substitutions of a config file). Specs pass a dictionary's lookup so that nothing reads the process's own.
/// </summary>
public sealed record CliEnvironment(Func<string, string?> Variable)
{
    /// <summary>The variable the operator commands read their bearer token from when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "NODEMANAGER_TOKEN";

    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    public static CliEnvironment Of(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null);
}
