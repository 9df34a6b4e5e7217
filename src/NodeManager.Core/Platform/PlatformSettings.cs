using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Platform;

/// <summary>
/// Which adapter performs node operations and how (<c>node-manager.platform</c>). Command templates are argv lists
/// whose elements may hold <c>{district}</c>, <c>{profile}</c>, <c>{fqdn}</c>, <c>{gear}</c> and <c>{target}</c>.
/// </summary>
public sealed record PlatformSettings(PlatformAdapterKind Adapter, TimeSpan Timeout)
{
    public const string AddNode = "add-node";
    public const string NodeReady = "node-ready";
    public const string DeactivateNode = "deactivate-node";
    public const string ListGears = "list-gears";
    public const string MoveGear = "move-gear";
    public const string RemoveNode = "remove-node";

    public static IReadOnlyList<string> Operations { get; } = [AddNode, NodeReady, DeactivateNode, ListGears, MoveGear, RemoveNode];

    /// <summary>argv template per operation (command adapter).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Commands { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Base URL of the webhook (http adapter): operations are POSTed to <c>{url}/{operation}</c>.</summary>
    public string Url { get; init; } = "";

    /// <summary>Bearer token for the webhook; a secret, never logged.</summary>
    public string Token { get; init; } = "";

    public static PlatformSettings Default { get; } = new(PlatformAdapterKind.Simulated, TimeSpan.FromSeconds(60));

    public static PlatformSettings Create(Config config)
    {
        var c = new SettingsReader(config.GetConfig("node-manager.platform"));
        var settings = new PlatformSettings(c.Enum<PlatformAdapterKind>("adapter"), c.Duration("timeout", allowZero: false))
        {
            Commands = Operations.ToDictionary(op => op, op => c.StringList($"command.{op}"), StringComparer.Ordinal),
            Url = c.String("http.url"),
            Token = c.String("http.token"),
        };
        foreach (var op in Operations)
            c.Require(settings.Adapter != PlatformAdapterKind.Command || settings.Commands[op].Count > 0, $"command.{op}", "must be an argv list when adapter = command", "adapter");
        c.Require(settings.Adapter != PlatformAdapterKind.Http || Uri.TryCreate(settings.Url, UriKind.Absolute, out _), "http.url", "must be an absolute URL when adapter = http", "adapter");
        return c.Result(settings);
    }
}

public enum PlatformAdapterKind
{
    Command,
    Http,
    Simulated,
    Stdout,
}
