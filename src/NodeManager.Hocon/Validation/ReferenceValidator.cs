namespace NodeManager.Hocon.Validation;

/// <summary>
/// Checks the keys an operator set under one root (e.g. <c>node-manager</c>) against a reference config: a key the
/// reference does not know is an error with a "did you mean" suggestion, and a value must have the reference
/// default's type (durations, sizes and booleans inferred from the default). Two reference shapes take keys the
/// reference does not list: an empty object (a free-form map) and an object with a <c>default</c> block (named
/// entries, each checked against <c>default</c>).
/// </summary>
public static class ReferenceValidator
{
    private const string ReferenceName = "reference.conf";

    /// <param name="operatorConfig">Exactly the operator's files, merged, unresolved: says which keys the operator set.</param>
    /// <param name="effective">The operator's files over the reference, resolved: gives values and origins.</param>
    /// <param name="reference">The reference alone, resolved.</param>
    /// <param name="root">The path whose keys are checked; keys elsewhere are the operator's own.</param>
    public static IReadOnlyList<ConfigException> Validate(Config operatorConfig, Config effective, Config reference, string root)
    {
        ArgumentNullException.ThrowIfNull(operatorConfig);
        ArgumentNullException.ThrowIfNull(effective);
        ArgumentNullException.ThrowIfNull(reference);
        var rootSegments = ConfigPath.Split(root);
        var errors = new List<ConfigException>();
        if (Navigate(operatorConfig.UnresolvedRoot, rootSegments) is not { } operatorRoot
            || Navigate(effective.Root, rootSegments) is not { } effectiveRoot)
        {
            return errors;
        }
        var referenceRoot = Navigate(reference.Root, rootSegments);
        foreach (var (path, value, keyOrigin) in Leaves(operatorRoot, effectiveRoot, [.. rootSegments], null))
        {
            if (Check(referenceRoot, rootSegments.Count, path, value, keyOrigin ?? value.Origin) is { } error)
            {
                errors.Add(error);
            }
        }
        return errors;
    }

    private static ConfigException? Check(ConfigValue? referenceRoot, int start, IReadOnlyList<string> path, ConfigValue value, ConfigOrigin keyOrigin)
    {
        var node = referenceRoot;
        for (var i = start; i < path.Count; i++)
        {
            if (node is null)
            {
                return Unknown(ConfigObject.Empty(value.Origin), path, i, keyOrigin, ReferenceName);
            }
            if (node is not ConfigObject obj)
            {
                // The operator went deeper than a reference leaf: the leaf's type is what is wrong.
                return new ConfigException(value.Origin, ConfigPath.Join(path.Take(i)),
                    $"expected {ExpectedKind.Of(node).Description}, got an object");
            }
            if (obj[path[i]] is { } child)
            {
                node = child;
            }
            else if (obj.Count == 0)
            {
                return null;
            }
            else if (obj["default"] is ConfigObject template)
            {
                node = template;
            }
            else
            {
                return Unknown(obj, path, i, keyOrigin, ReferenceName);
            }
        }
        var expected = ExpectedKind.Of(node!);
        return expected.Accepts(value)
            ? null
            : new ConfigException(value.Origin, ConfigPath.Join(path), $"expected {expected.Description}, got {Config.Describe(value)}");
    }

    /// <summary>
    /// "unknown key" for <paramref name="path"/>, whose segment at <paramref name="index"/> is not a key of
    /// <paramref name="parent"/>, with the closest key or leaf path of <paramref name="parent"/> as a suggestion.
    /// </summary>
    internal static ConfigException Unknown(ConfigObject parent, IReadOnlyList<string> path, int index, ConfigOrigin keyOrigin, string referenceName)
    {
        var typed = ConfigPath.Join(path.Skip(index));
        var candidates = LeafPaths(parent, []).Concat(parent.Keys.Select(k => ConfigPath.Join([k])));
        var suggestion = EditDistance.Closest(typed, candidates);
        var hint = suggestion is null ? "" : $"; did you mean {ConfigPath.Join(path.Take(index))}.{suggestion}?";
        return new ConfigException(keyOrigin, ConfigPath.Join(path), $"unknown key (not in {referenceName}){hint}");
    }

    private static IEnumerable<string> LeafPaths(ConfigObject obj, IReadOnlyList<string> prefix) =>
        obj.Fields.SelectMany(f => f.Value is ConfigObject child && child.Count > 0
            ? LeafPaths(child, [.. prefix, f.Key])
            : [ConfigPath.Join([.. prefix, f.Key])]);

    // Leaves of what the operator wrote, with where their keys were written; where a value is not yet resolved (a
    // substitution), the resolved value decides whether it is a leaf.
    internal static IEnumerable<(IReadOnlyList<string> Path, ConfigValue Value, ConfigOrigin? KeyOrigin)> Leaves(
        ConfigValue written, ConfigValue effective, IReadOnlyList<string> path, ConfigOrigin? keyOrigin)
    {
        if (written is ConfigObject writtenObject && effective is ConfigObject effectiveObject)
        {
            foreach (var (key, child) in writtenObject.Fields)
            {
                if (effectiveObject[key] is { } effectiveChild)
                {
                    foreach (var leaf in Leaves(child, effectiveChild, [.. path, key], writtenObject.KeyOrigin(key)))
                    {
                        yield return leaf;
                    }
                }
            }
        }
        else if (!written.IsResolved && effective is ConfigObject resolvedObject)
        {
            foreach (var leaf in Leaves(resolvedObject, resolvedObject, path, keyOrigin))
            {
                yield return leaf;
            }
        }
        else
        {
            yield return (path, effective, keyOrigin);
        }
    }

    internal static ConfigValue? Navigate(ConfigValue value, IReadOnlyList<string> path)
    {
        foreach (var segment in path)
        {
            if (value is not ConfigObject obj || obj[segment] is not { } child)
            {
                return null;
            }
            value = child;
        }
        return value;
    }
}
