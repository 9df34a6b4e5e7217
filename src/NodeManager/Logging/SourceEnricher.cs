using Serilog.Core;
using Serilog.Events;

namespace NodeManager.Logging;

/// <summary>
/// Adds <c>Source</c>, a short name for where the line comes from: for Akka's own lines (they carry Akka's
/// <c>LogSource</c>) the actor path below the system or the logging class's name; for the product's lines the last
/// segment of the category (the controller's actors already log under short categories such as <c>district-a</c>).
/// Full type names and addresses make a live log unreadable.
/// </summary>
internal sealed class SourceEnricher : ILogEventEnricher
{
    // Set by Akka.Logger.Serilog on every event Akka publishes; "ActorPath" is the logger actor's sender, not the source.
    private const string AkkaLogSourceProperty = "LogSource";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var source = logEvent.Properties.TryGetValue(AkkaLogSourceProperty, out var akka) && akka is ScalarValue { Value: string logSource }
            ? ShortLogSource(logSource)
            : logEvent.Properties.TryGetValue("SourceContext", out var context) && context is ScalarValue { Value: string category }
                ? ShortCategory(category)
                : "";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Source", source));
    }

    // "akka://demo/user/districts/district-a" → "districts/district-a"; "akka://demo/system/log1" → "system/log1";
    // "CoordinatedShutdown(akka://demo)" → "CoordinatedShutdown"; "Akka.Event.EventStream" → "EventStream".
    internal static string ShortLogSource(string logSource)
    {
        var owner = logSource.IndexOf('(', StringComparison.Ordinal);
        if (owner > 0)
        {
            return ShortCategory(logSource[..owner]);
        }

        var scheme = logSource.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return ShortCategory(logSource);
        }

        var address = logSource.IndexOf('/', scheme + "://".Length);
        if (address < 0)
        {
            return logSource[(scheme + "://".Length)..];
        }

        var path = logSource[(address + 1)..];
        return path.StartsWith("user/", StringComparison.Ordinal) ? path["user/".Length..] : path;
    }

    // "NodeManager.Hosting.NodeManagerHost" → "NodeManagerHost"; "district-a/district-a-3" stays as it is.
    internal static string ShortCategory(string category)
    {
        var generic = category.IndexOf('`', StringComparison.Ordinal);
        var name = generic >= 0 ? category[..generic] : category;
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }
}
