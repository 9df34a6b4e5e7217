using Microsoft.Extensions.Logging;

namespace NodeManager.Core.Controller;

/// <summary>
/// The logger categories of the controller's actors: short sources that fit a log column (<c>d1</c> for a district,
/// <c>d1/d1-3</c> for one of its nodes) instead of an actor path or a type name.
/// </summary>
public static class LogSources
{
    public const string Watcher = "capacity-watcher";

    public static ILogger District(this ILoggerFactory loggers, string district) => loggers.CreateLogger(district);

    public static ILogger Node(this ILoggerFactory loggers, string district, string host) =>
        loggers.CreateLogger($"{district}/{ShortHost(host)}");

    // "d1-3.paas.example.com" → "d1-3": the domain repeats on every line of a district.
    private static string ShortHost(string host) => host.IndexOf('.') is > 0 and var dot ? host[..dot] : host;
}
