namespace NodeManager.Hocon.Akka;

/// <summary>
/// The rules the akka.* validator adds to Akka's reference configuration, all in one place. Akka's reference lists
/// the keys Akka reads, but some sections take keys that the operator names, and some entries fall back to settings
/// that are listed elsewhere:
/// <list type="number">
/// <item><b>Open sections</b> (<see cref="Open"/>, and any object that is empty in Akka's reference): a key the
/// reference does not list is a name the operator chose (a serializer, a type name, a deployment path, a plugin id, a
/// role) and is accepted with everything below it. Keys the reference does list are still checked.</item>
/// <item><b>Templates</b>: the settings Akka itself falls back to for an entry. An entry the reference lists is
/// checked against its own keys over its template's; a new dispatcher or mailbox against the template alone; a new
/// journal or snapshot-store plugin id is open (its keys are its plugin's).
/// A dispatcher is any object with a <c>type</c> or <c>executor</c> key (template <see cref="DispatcherTemplate"/>
/// over every other dispatcher Akka's reference defines, which adds the executors' sections such as
/// <c>dedicated-thread-pool</c>; one whose <c>type</c> names a class is the class's own and is open); a mailbox is an
/// object with a <c>mailbox-type</c> key (template <see cref="MailboxTemplate"/>); a plugin is an object directly
/// under a section of <see cref="PluginTemplates"/>.</item>
/// <item><b>Lists are values</b>: their items are not checked (<c>akka.extensions</c>, <c>akka.loggers</c>,
/// <c>akka.cluster.seed-nodes</c>).</item>
/// </list>
/// </summary>
internal static class AkkaSections
{
    public static readonly IReadOnlySet<string> Open = new HashSet<string>(StringComparer.Ordinal)
    {
        "akka.actor.deployment",                       // actor paths
        "akka.actor.serializers",                      // serializer names
        "akka.actor.serialization-bindings",           // type names, e.g. "My.Type, My.Assembly"
        "akka.actor.serialization-identifiers",        // serializer type names
        "akka.actor.serialization-settings",           // per-serializer settings
        "akka.actor.mailbox.requirements",             // queue-semantics type names
        "akka.actor.router.type-mapping",              // router names
        "akka.cluster.role",                           // role names
        "akka.coordinated-shutdown.phases",            // phase names
        "akka.coordination.lease",                     // lease plugin sections
        "akka.discovery",                              // discovery method sections
        "akka.discovery.config.services",              // service names
        "akka.persistence.journal",                    // journal plugin ids
        "akka.persistence.snapshot-store",             // snapshot-store plugin ids
        "akka.persistence.query.journal",              // read-journal plugin ids
        "akka.remote.dot-netty.tcp.ssl.certificate",   // Akka.Remote also reads flags and legacy spellings
    };

    public static readonly IReadOnlyDictionary<string, string> PluginTemplates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["akka.persistence.journal"] = "akka.persistence.journal-plugin-fallback",
        ["akka.persistence.snapshot-store"] = "akka.persistence.snapshot-store-plugin-fallback",
    };

    public const string DispatcherTemplate = "akka.actor.default-dispatcher";

    public const string MailboxTemplate = "akka.actor.default-mailbox";

    public static bool IsDispatcher(ConfigObject obj) => obj["type"] is ConfigScalar || obj["executor"] is ConfigScalar;

    /// <summary>A dispatcher whose <c>type</c> is a configurator class ("Namespace.Type, Assembly") reads keys of its own.</summary>
    public static bool IsCustomDispatcher(ConfigObject obj) => obj["type"] is ConfigScalar type && type.Text.Contains(',', StringComparison.Ordinal);

    public static bool IsMailbox(ConfigObject obj) => obj["mailbox-type"] is ConfigScalar;
}
