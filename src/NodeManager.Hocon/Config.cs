namespace NodeManager.Hocon;

/// <summary>
/// An immutable configuration in Akka's style: typed getters by path, <see cref="WithFallback"/> to layer files,
/// <see cref="Resolve(ConfigResolveOptions?)"/> to evaluate substitutions. Getters on an unresolved config resolve it
/// first (with the environment as fallback), once. A config taken with <see cref="GetConfig"/> remembers where it
/// sits, so its errors name the absolute key.
/// </summary>
public sealed partial class Config
{
    private readonly ConfigObject _root;
    private readonly IReadOnlyList<string> _prefix;
    private readonly Action<string>? _observer;
    private ConfigObject? _resolved;

    internal Config(ConfigObject root, IReadOnlyList<string>? prefix = null, Action<string>? observer = null)
    {
        _root = root;
        _prefix = prefix ?? [];
        _observer = observer;
        if (root.IsResolved)
        {
            _resolved = root;
        }
    }

    /// <summary>The root object, resolved.</summary>
    public ConfigObject Root => Resolved;

    /// <summary>The root object as parsed, substitutions and all.</summary>
    public ConfigObject UnresolvedRoot => _root;

    public bool IsResolved => _root.IsResolved;

    public bool IsEmpty => _root.Count == 0;

    /// <summary>The top-level keys of this config (of <see cref="Root"/>).</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            if (_prefix.Count > 0)
            {
                _observer?.Invoke(ConfigPath.Join(_prefix) + ".*");
            }
            return Root.Keys;
        }
    }

    /// <summary>Evaluates every substitution against this config's root, then (by default) the environment.</summary>
    /// <exception cref="ConfigException">A substitution is missing, or part of a cycle, or a concatenation mixes types.</exception>
    public Config Resolve(ConfigResolveOptions? options = null) =>
        new(Resolution.ConfigResolver.Resolve(_root, options ?? ConfigResolveOptions.Default), _prefix, _observer);

    /// <summary>This config over <paramref name="fallback"/>: objects merge, any other value here hides the fallback's.</summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new Config(ConfigMerge.MergeObjects(_root, fallback._root), _prefix, _observer);
    }

    /// <summary>
    /// A view of this config that reports the absolute path of every key read through it (and through the configs it
    /// hands out). An enumeration of <see cref="Keys"/> reports <c>path.*</c>.
    /// </summary>
    public Config WithReadObserver(Action<string> observer) => new(_root, _prefix, observer);

    /// <summary>Every leaf (non-object value) under this config with its path relative to it, depth first.</summary>
    public IEnumerable<KeyValuePair<string, ConfigValue>> AsEnumerable() => Leaves(Root, []);

    /// <summary>JSON of the resolved tree (of the tree as parsed, when it cannot be resolved).</summary>
    public override string ToString()
    {
        try
        {
            return ConfigRenderer.RenderJson(Root, indent: true);
        }
        catch (ConfigException)
        {
            return ConfigRenderer.RenderJson(_root, indent: true);
        }
    }

    internal string AbsolutePath(string path) => ConfigPath.Join([.. _prefix, .. ConfigPath.Split(path)]);

    private ConfigObject Resolved => _resolved ??= Resolution.ConfigResolver.Resolve(_root, ConfigResolveOptions.Default);

    private static IEnumerable<KeyValuePair<string, ConfigValue>> Leaves(ConfigObject obj, IReadOnlyList<string> path)
    {
        foreach (var (key, value) in obj.Fields)
        {
            IReadOnlyList<string> childPath = [.. path, key];
            if (value is ConfigObject child)
            {
                foreach (var leaf in Leaves(child, childPath))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return KeyValuePair.Create(ConfigPath.Join(childPath), value);
            }
        }
    }
}
