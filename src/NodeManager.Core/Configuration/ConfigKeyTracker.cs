using NodeManager.Hocon;

namespace NodeManager.Core.Configuration;

/// <summary>
/// Records the absolute paths read through a config: hand <see cref="Track"/>'s result to a settings record's
/// <c>Create</c>, then compare <see cref="ReadPaths"/> with <see cref="ReferenceKeys"/>. Enumerating an object's keys
/// records <c>path.*</c>. Thread-safe.
/// </summary>
public sealed class ConfigKeyTracker
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Config Track(Config config) => config.WithReadObserver(Record);

    public IReadOnlyList<string> ReadPaths
    {
        get
        {
            lock (_gate)
            {
                return [.. _read.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// True when <paramref name="leaf"/> was read, or is (an empty object) or lies under an object whose keys were
    /// enumerated.
    /// </summary>
    public bool Covers(string leaf) => ReadPaths.Any(r =>
        r == leaf || r == leaf + ".*" || (r.EndsWith(".*", StringComparison.Ordinal) && leaf.StartsWith(r[..^1], StringComparison.Ordinal)));

    private void Record(string path)
    {
        lock (_gate)
        {
            _read.Add(path);
        }
    }
}
