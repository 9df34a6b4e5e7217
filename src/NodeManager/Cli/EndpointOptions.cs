using System.CommandLine;
using System.Net;
using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Management;

namespace NodeManager.Cli;

/// <summary>
/// The options every operator command shares: <c>--endpoint</c>, <c>--config</c> (whose management hostname and port are
/// the endpoint when <c>--endpoint</c> is not given), <c>--token</c> (else <c>NODEMANAGER_TOKEN</c>) and <c>--output</c>.
/// </summary>
public sealed class EndpointOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint", "-e")
    {
        Description = "The management endpoint's URL (default: the management hostname and port of --config, else http://127.0.0.1:8558).",
    };

    public Option<string[]> Config { get; } = new("--config", "-c")
    {
        Description = "HOCON file(s) of the member to ask: its node-manager.management hostname and port are the endpoint.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token for commands that change something (default: ${CliEnvironment.TokenVariable}, which keeps it out of the process list).",
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "table (for people) or json (the endpoint's body as it came).",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Endpoint);
        command.Options.Add(Config);
        command.Options.Add(Token);
        command.Options.Add(Output);
    }

    /// <summary>The target the options name, or the operator's mistakes (one line each, for exit 2).</summary>
    public (EndpointTarget? Target, IReadOnlyList<string> Errors) Resolve(ParseResult parse, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(environment);
        var token = parse.GetValue(Token) is { Length: > 0 } given ? given : environment.Variable(CliEnvironment.TokenVariable);
        var output = parse.GetValue(Output);
        if (parse.GetValue(Endpoint) is { } text)
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? (new EndpointTarget(WithSlash(uri), NullIfEmpty(token), output), [])
                : (null, [$"--endpoint: expected an http:// or https:// URL, got '{text}'"]);
        }

        var files = parse.GetValue(Config) ?? [];
        if (files.Length == 0)
        {
            return (new EndpointTarget(EndpointTarget.DefaultEndpoint, NullIfEmpty(token), output), []);
        }

        var (endpoint, errors) = FromConfig(files, environment);
        return endpoint is null ? (null, errors) : (new EndpointTarget(endpoint, NullIfEmpty(token), output), []);
    }

    /// <summary>
    /// Where a member configured by <paramref name="files"/> serves its endpoint, as a client on the same host reaches it:
    /// an endpoint on every interface is asked on loopback.
    /// </summary>
    public static (Uri? Endpoint, IReadOnlyList<string> Errors) FromConfig(IReadOnlyList<string> files, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (HostConfiguration.Folders(files) is { Count: > 0 } folders)
        {
            return (null, [.. folders.Select(f => f.Message)]);
        }

        ManagementSettings settings;
        try
        {
            var root = NodeManagerConfig.Load(files, new ConfigResolveOptions { EnvironmentLookup = environment.Variable });
            settings = ManagementSettings.Create(root);
        }
        catch (Exception e) when (e is ConfigException or ConfigErrorsException)
        {
            return (null, [.. ConfigErrorsException.Of(e).Select(f => f.Message)]);
        }

        var source = string.Join(", ", files);
        if (!settings.Enabled)
        {
            return (null, [$"{source}: node-manager.management.enabled is off: that member serves no endpoint"]);
        }

        if (settings.Port == 0)
        {
            return (null, [$"{source}: node-manager.management.port is 0 (picked at start, named in the member's log): give --endpoint"]);
        }

        var host = settings.Hostname switch
        {
            "localhost" or "0.0.0.0" or "*" => "127.0.0.1",
            "::" => "[::1]",
            var literal when IPAddress.TryParse(literal, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"[{literal}]",
            var literal => literal,
        };
        return (new Uri($"http://{host}:{settings.Port}/"), []);
    }

    private static Uri WithSlash(Uri uri) => uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
