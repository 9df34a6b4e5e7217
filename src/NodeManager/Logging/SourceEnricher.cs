using Serilog.Core;
using Serilog.Events;

namespace NodeManager.Logging;

/// <summary>
/// Adds <c>Source</c>: the actor path when the event comes from an actor (the runtime puts it in scope),
/// otherwise the last segment of the category. Full type names make a live log unreadable.
/// </summary>
internal sealed class SourceEnricher : ILogEventEnricher
{
    // The scope property the actor runtime's loggers carry; "Path" alone would also match an HTTP request's path.
    private const string ActorPathProperty = "ActorPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue(ActorPathProperty, out var path) && path is ScalarValue { Value: not null } scalar)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Source", ShortActorPath(scalar.Value.ToString()!)));
            return;
        }

        var source = logEvent.Properties.TryGetValue("SourceContext", out var context) && context is ScalarValue { Value: string category }
            ? ShortCategory(category)
            : "";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Source", source));
    }

    // "akka://nodemanager/user/districts/district-a/node-3" → "districts/district-a/node-3": the system and guardian repeat on every line.
    internal static string ShortActorPath(string path)
    {
        var user = path.IndexOf("/user/", StringComparison.Ordinal);
        return user >= 0 ? path[(user + "/user/".Length)..] : path;
    }

    // "NodeManager.Core.Districts.DistrictSupervisorActor" → "DistrictSupervisorActor".
    internal static string ShortCategory(string category)
    {
        var generic = category.IndexOf('`', StringComparison.Ordinal);
        var name = generic >= 0 ? category[..generic] : category;
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }
}
