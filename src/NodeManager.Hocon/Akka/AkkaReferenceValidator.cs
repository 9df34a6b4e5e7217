using NodeManager.Hocon.Validation;
using AkkaConfig = Akka.Configuration.Config;

namespace NodeManager.Hocon.Akka;

/// <summary>
/// Checks the keys an operator set under <c>akka</c> against Akka's own reference configuration, as
/// <see cref="ReferenceValidator"/> checks <c>node-manager</c> against reference.conf: a key Akka does not know is an
/// error with a "did you mean" suggestion, and a value must be of the kind Akka reads for that key (an object, a list,
/// a duration or size Akka can parse, on/off ...). Sections whose keys the operator names, and entries that fall back
/// to a template, follow the rules of <see cref="AkkaSections"/>. Every fault is reported, each at the origin of the
/// operator's key (unknown keys) or value (wrong kinds).
/// </summary>
public static class AkkaReferenceValidator
{
    private const string ReferenceName = "Akka's reference configuration";

    /// <param name="operatorConfig">Exactly the operator's files, merged, unresolved: says which keys the operator set.</param>
    /// <param name="effective">The operator's files over the product's reference, resolved: gives values and origins.</param>
    /// <param name="akkaReference">
    /// Akka's reference configuration, assembled by the caller from <c>ConfigurationFactory.Default()</c> and the
    /// default configs of every Akka module the product runs.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="akkaReference"/> has no <c>akka</c> section.</exception>
    public static IReadOnlyList<ConfigException> Validate(Config operatorConfig, Config effective, AkkaConfig akkaReference)
    {
        ArgumentNullException.ThrowIfNull(operatorConfig);
        ArgumentNullException.ThrowIfNull(effective);
        ArgumentNullException.ThrowIfNull(akkaReference);
        var reference = AkkaReferenceReader.Read(akkaReference);
        if (reference[AkkaConfigConverter.Section] is not ConfigObject)
        {
            throw new ArgumentException("Akka's reference configuration has no akka section", nameof(akkaReference));
        }
        IReadOnlyList<string> root = [AkkaConfigConverter.Section];
        var errors = new List<ConfigException>();
        if (ReferenceValidator.Navigate(operatorConfig.UnresolvedRoot, root) is not { } operatorRoot
            || ReferenceValidator.Navigate(effective.Root, root) is not { } effectiveRoot)
        {
            return errors;
        }
        var walk = new Walk(reference, effective.Root);
        foreach (var (path, value, keyOrigin) in ReferenceValidator.Leaves(operatorRoot, effectiveRoot, root, null))
        {
            if (walk.Check(path, value, keyOrigin ?? value.Origin) is { } error)
            {
                errors.Add(error);
            }
        }
        return errors;
    }

    private sealed class Walk(ConfigObject reference, ConfigObject effective)
    {
        private readonly ConfigObject? _dispatcher = DispatcherTemplate(reference);
        private readonly ConfigObject? _mailbox = Navigate(reference, AkkaSections.MailboxTemplate);

        public ConfigException? Check(IReadOnlyList<string> path, ConfigValue value, ConfigOrigin keyOrigin)
        {
            ConfigValue node = reference[path[0]]!;
            for (var i = 1; i < path.Count; i++)
            {
                var section = ConfigPath.Join(path.Take(i));
                if (node is not ConfigObject obj)
                {
                    // The operator went deeper than a reference leaf: the leaf's kind is what is wrong.
                    return new ConfigException(value.Origin, section, $"expected {AkkaValueKind.Of(node).Description}, got an object");
                }
                if (obj[path[i]] is { } child)
                {
                    node = child is ConfigObject known ? WithTemplate(section, known) : child;
                    continue;
                }
                if (obj.Count == 0 || AkkaSections.Open.Contains(section))
                {
                    return null;
                }
                // An object the reference does not list may still be a definition Akka reads through a template.
                var written = ReferenceValidator.Navigate(effective, [.. path.Take(i + 1)]) as ConfigObject;
                if (written is not null && AkkaSections.IsDispatcher(written))
                {
                    if (AkkaSections.IsCustomDispatcher(written) || _dispatcher is null)
                    {
                        return null;
                    }
                    node = _dispatcher;
                    continue;
                }
                if (written is not null && AkkaSections.IsMailbox(written))
                {
                    if (_mailbox is null)
                    {
                        return null;
                    }
                    node = _mailbox;
                    continue;
                }
                return ReferenceValidator.Unknown(obj, path, i, keyOrigin, ReferenceName);
            }
            var kind = AkkaValueKind.Of(node);
            return kind.Accepts(value)
                ? null
                : new ConfigException(value.Origin, ConfigPath.Join(path), $"expected {kind.Description}, got {Config.Describe(value)}");
        }

        // A listed entry over the template Akka falls back to for it: a plugin's fallback, the default dispatcher or
        // the default mailbox.
        private ConfigObject WithTemplate(string section, ConfigObject entry)
        {
            var template = AkkaSections.PluginTemplates.TryGetValue(section, out var pluginTemplate) ? Navigate(reference, pluginTemplate)
                : AkkaSections.IsDispatcher(entry) ? _dispatcher
                : AkkaSections.IsMailbox(entry) ? _mailbox
                : null;
            return template is null ? entry : ConfigMerge.MergeObjects(entry, template);
        }

        // The default dispatcher over every other dispatcher Akka's reference defines: between them they hold every
        // key Akka's dispatcher and executor configurators read (dedicated-thread-pool comes from the fork-join one).
        private static ConfigObject? DispatcherTemplate(ConfigObject reference)
        {
            var template = Navigate(reference, AkkaSections.DispatcherTemplate);
            foreach (var other in Objects(reference).Where(AkkaSections.IsDispatcher))
            {
                template = template is null ? other : ConfigMerge.MergeObjects(template, other);
            }
            return template;
        }

        private static IEnumerable<ConfigObject> Objects(ConfigObject obj) =>
            obj.Fields.Select(f => f.Value).OfType<ConfigObject>().SelectMany(child => Objects(child).Prepend(child));

        private static ConfigObject? Navigate(ConfigObject root, string path) =>
            ReferenceValidator.Navigate(root, ConfigPath.Split(path)) as ConfigObject;
    }
}
