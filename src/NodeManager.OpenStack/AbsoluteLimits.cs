namespace NodeManager.OpenStack;

/// <summary><c>limits.absolute</c> as Nova and Cinder report it: named integers, -1 meaning unlimited.</summary>
public abstract record AbsoluteLimits(IReadOnlyDictionary<string, long> Absolute)
{
    /// <summary>The named value, or -1 (unlimited) when the cloud did not report it.</summary>
    public long Get(string key) => Absolute.TryGetValue(key, out var v) ? v : -1;
}
