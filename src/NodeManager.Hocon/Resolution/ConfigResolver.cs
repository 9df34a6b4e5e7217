using System.Runtime.CompilerServices;

namespace NodeManager.Hocon.Resolution;

/// <summary>
/// Resolves every substitution of one configuration tree against its own root, then the environment.
/// Lookups only resolve what they pass through, so an object may refer to fields inside itself. While element i
/// of a path's merge stack is being resolved, that path reads as the merge of the elements below i: this is how
/// <c>path = ${path}":/opt/x"</c> and <c>+=</c> see the previous value.
/// </summary>
internal sealed class ConfigResolver
{
    private readonly ConfigObject _root;
    private readonly ConfigResolveOptions _options;
    private readonly Dictionary<string, ConfigValue?> _lookBack = new(StringComparer.Ordinal);
    private readonly HashSet<(ConfigValue, string)> _inProgress = new(NodeAtPathComparer.Instance);
    private readonly Dictionary<(ConfigValue, string), ConfigValue?> _memo = new(NodeAtPathComparer.Instance);
    private readonly List<string> _trail = [];

    private ConfigResolver(ConfigObject root, ConfigResolveOptions options)
    {
        _root = root;
        _options = options;
    }

    public static ConfigObject Resolve(ConfigObject root, ConfigResolveOptions options)
    {
        if (root.IsResolved)
        {
            return root;
        }
        var resolver = new ConfigResolver(root, options);
        return (ConfigObject?)resolver.Resolve(root, []) ?? ConfigObject.Empty(root.Origin);
    }

    /// <summary>The resolved value, or null when it is undefined (an optional substitution to nothing).</summary>
    private ConfigValue? Resolve(ConfigValue value, IReadOnlyList<string> path)
    {
        if (value.IsResolved)
        {
            return value;
        }
        var key = (value, Key(path));
        var memoize = _lookBack.Count == 0;
        if (memoize && _memo.TryGetValue(key, out var known))
        {
            return known;
        }
        if (!_inProgress.Add(key))
        {
            throw new CycleException([.. _trail, ConfigPath.Join(path)]);
        }
        _trail.Add(ConfigPath.Join(path));
        ConfigValue? result;
        try
        {
            result = value switch
            {
                ConfigObject obj => ResolveObject(obj, path),
                ConfigList list => new ConfigList(list.Origin, [.. list.Items.Select(i => Resolve(i, path)).OfType<ConfigValue>()]),
                ConfigSubstitution substitution => ResolveSubstitution(substitution, path),
                ConfigConcatenation concatenation => Concatenator.Join(
                    [.. concatenation.Pieces.Select(p => Resolve(p, path))], concatenation.Origin, ConfigPath.Join(path)),
                ConfigDelayedMerge merge => ResolveMerge(merge, path),
                _ => value,
            };
        }
        finally
        {
            _inProgress.Remove(key);
            _trail.RemoveAt(_trail.Count - 1);
        }
        if (memoize && _lookBack.Count == 0)
        {
            _memo[key] = result;
        }
        return result;
    }

    private ConfigObject ResolveObject(ConfigObject obj, IReadOnlyList<string> path)
    {
        var fields = new List<KeyValuePair<string, ConfigValue>>(obj.Count);
        foreach (var (name, child) in obj.Fields)
        {
            var resolved = Resolve(child, [.. path, name]);
            if (resolved is not null)
            {
                fields.Add(KeyValuePair.Create(name, resolved));
            }
        }
        return obj.WithFields(fields);
    }

    private ConfigValue? ResolveMerge(ConfigDelayedMerge merge, IReadOnlyList<string> path)
    {
        ConfigObject? merged = null;
        for (var i = 0; i < merge.Stack.Count; i++)
        {
            var element = ResolveElement(merge, i, path);
            switch (element)
            {
                case null:
                    continue;
                case ConfigObject obj:
                    merged = merged is null ? obj : ConfigMerge.MergeObjects(merged, obj);
                    continue;
                default:
                    return (ConfigValue?)merged?.WithIgnoresFallbacks() ?? element;
            }
        }
        return merged;
    }

    private ConfigValue? ResolveElement(ConfigDelayedMerge merge, int index, IReadOnlyList<string> path)
    {
        var element = merge.Stack[index];
        if (element.IsResolved)
        {
            return element;
        }
        var key = Key(path);
        var hadPrevious = _lookBack.Remove(key, out var previous);
        _lookBack[key] = merge.Rest(index + 1);
        try
        {
            return Resolve(element, path);
        }
        finally
        {
            _lookBack.Remove(key);
            if (hadPrevious)
            {
                _lookBack[key] = previous;
            }
        }
    }

    private ConfigValue? ResolveSubstitution(ConfigSubstitution substitution, IReadOnlyList<string> path)
    {
        try
        {
            var value = Lookup(substitution.Path);
            if (value is null && substitution.PrefixLength > 0)
            {
                value = Lookup([.. substitution.Path.Skip(substitution.PrefixLength)]);
            }
            var written = substitution.Path.Skip(substitution.PrefixLength).ToList();
            if (value is null && _options.UseEnvironment)
            {
                var name = string.Join('.', written);
                var variable = _options.EnvironmentLookup(name);
                if (!string.IsNullOrEmpty(variable))
                {
                    // The variable has no file position; the place that asked for it is what the operator can fix.
                    value = ConfigScalar.String(variable, substitution.Origin);
                }
            }
            if (value is null && !substitution.Optional)
            {
                var where = _options.UseEnvironment ? " and no environment variable " + string.Join('.', written) : "";
                throw new ConfigException(substitution.Origin, ConfigPath.Join(path),
                    $"could not resolve substitution ${{{ConfigPath.Join(written)}}}: no setting at {ConfigPath.Join(written)}{where}");
            }
            return value;
        }
        catch (CycleException cycle) when (substitution.Optional)
        {
            _ = cycle;
            return null;
        }
        catch (CycleException cycle)
        {
            throw new ConfigException(substitution.Origin, ConfigPath.Join(path),
                $"substitution {substitution} is part of a cycle: {string.Join(" -> ", cycle.Trail.Where(p => p.Length > 0))}");
        }
    }

    /// <summary>The resolved value at an absolute path, or null when there is none (or it is undefined).</summary>
    private ConfigValue? Lookup(IReadOnlyList<string> segments)
    {
        ConfigValue? current = _root;
        var walked = new List<string>(segments.Count);
        foreach (var segment in segments)
        {
            current = StepInto(current!, walked, segment);
            walked.Add(segment);
            if (_lookBack.TryGetValue(Key(walked), out var earlier))
            {
                current = earlier;
            }
            if (current is null)
            {
                return null;
            }
        }
        return Resolve(current!, walked);
    }

    /// <summary>The (possibly unresolved) child of a node, resolving only what decides whether the node is an object.</summary>
    private ConfigValue? StepInto(ConfigValue node, IReadOnlyList<string> nodePath, string segment)
    {
        switch (node)
        {
            case ConfigObject obj:
                return obj[segment];
            case ConfigDelayedMerge merge:
                var children = new List<ConfigValue>();
                for (var i = 0; i < merge.Stack.Count; i++)
                {
                    var element = merge.Stack[i] as ConfigObject ?? ResolveElement(merge, i, nodePath);
                    if (element is null)
                    {
                        continue;
                    }
                    if (element is not ConfigObject obj)
                    {
                        break;
                    }
                    if (obj[segment] is { } child)
                    {
                        children.Add(child);
                    }
                    if (obj.IgnoresFallbacks)
                    {
                        break;
                    }
                }
                return children.Count == 0 ? null : ConfigDelayedMerge.FromStack(children);
            case ConfigSubstitution or ConfigConcatenation:
                return (Resolve(node, nodePath) as ConfigObject)?[segment];
            default:
                return null;
        }
    }

    // Path segments joined with a character that cannot be typed into a key, so "a.b" and "a"."b" stay apart.
    private static string Key(IReadOnlyList<string> path) => string.Join('\u0001', path);

    private sealed class CycleException(IReadOnlyList<string> trail) : Exception("cycle")
    {
        public IReadOnlyList<string> Trail { get; } = trail;
    }

    private sealed class NodeAtPathComparer : IEqualityComparer<(ConfigValue Node, string Path)>
    {
        public static readonly NodeAtPathComparer Instance = new();

        public bool Equals((ConfigValue Node, string Path) x, (ConfigValue Node, string Path) y) =>
            ReferenceEquals(x.Node, y.Node) && x.Path == y.Path;

        public int GetHashCode((ConfigValue Node, string Path) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Node), obj.Path);
    }
}
