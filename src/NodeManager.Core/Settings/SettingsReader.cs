using NodeManager.Hocon;

namespace NodeManager.Core.Settings;

/// <summary>
/// Reads the keys of one settings record and collects every fault instead of stopping at the first, so that an
/// operator sees all of a file's errors in one run (<c>min-nodes = -1, max-nodes = -5</c> is two errors).
/// A key that fails reads as <c>fallback</c> and is remembered, so a rule between keys (<see cref="Require"/>) does
/// not judge a value already reported. <see cref="Result{T}"/> hands back the record or throws every fault.
/// </summary>
public sealed class SettingsReader
{
    private readonly Config _config;
    private readonly List<ConfigException> _errors;
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public SettingsReader(Config config)
        : this(config, [])
    {
    }

    private SettingsReader(Config config, List<ConfigException> errors)
    {
        _config = config;
        _errors = errors;
    }

    /// <summary>A reader of <paramref name="section"/> whose faults join this reader's (a named district, a profile).</summary>
    public SettingsReader For(Config section) => new(section, _errors);

    public int Int(string path, int min, int max = int.MaxValue) => Read(path, () => ConfigChecks.Int(_config, path, min, max), min);

    public double Percent(string path) => Read(path, () => ConfigChecks.Percent(_config, path), 0);

    public TimeSpan Duration(string path, bool allowZero = true) => Read(path, () => ConfigChecks.Duration(_config, path, allowZero), TimeSpan.Zero);

    /// <summary>A duration &gt; 0, or null for <c>off</c>.</summary>
    public TimeSpan? DurationOrOff(string path) => Read(path, () => ConfigChecks.DurationOrOff(_config, path), null);

    public T Enum<T>(string path)
        where T : struct, System.Enum => Read(path, () => ConfigChecks.Enum<T>(_config, path), default);

    public string? Optional(string path) => Read(path, () => ConfigChecks.Optional(_config, path), null);

    public string String(string path) => Read(path, () => _config.GetString(path), "");

    public bool Boolean(string path) => Read(path, () => _config.GetBoolean(path), false);

    public IReadOnlyList<string> StringList(string path) => Read(path, () => _config.GetStringList(path), []);

    public long ByteSize(string path) => Read(path, () => _config.GetByteSize(path), 0);

    /// <summary>Any other read of <paramref name="path"/>; a <see cref="ConfigException"/> is collected and <paramref name="fallback"/> returned.</summary>
    public T Read<T>(string path, Func<T> read, T fallback)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read();
        }
        catch (ConfigException e)
        {
            Add(e);
            _failed.Add(path);
            return fallback;
        }
    }

    /// <summary>
    /// A rule between keys: when it does not <paramref name="holds"/>, the fault is reported at <paramref name="path"/> —
    /// unless <paramref name="path"/> or one of <paramref name="readFrom"/> already failed to read, as the rule then
    /// judged a fallback, not the operator's value.
    /// </summary>
    public void Require(bool holds, string path, string message, params string[] readFrom)
    {
        if (!holds && !_failed.Contains(path) && !readFrom.Any(_failed.Contains))
        {
            Add(ConfigException.BadValue(_config, path, message));
        }
    }

    // A fault of a `default` block is read again by every named block that falls back on it: report it once.
    private void Add(ConfigException error)
    {
        if (error.Origin is null || !_errors.Any(e => e.Origin == error.Origin && e.Detail == error.Detail))
        {
            _errors.Add(error);
        }
    }

    /// <summary><paramref name="settings"/> when every key read; else one fault as itself, several as a <see cref="ConfigErrorsException"/>.</summary>
    /// <exception cref="ConfigException">The one fault.</exception>
    /// <exception cref="ConfigErrorsException">Several faults, in the order they were read.</exception>
    public T Result<T>(T settings) => _errors.Count switch
    {
        0 => settings,
        1 => throw _errors[0],
        _ => throw new ConfigErrorsException(_errors),
    };
}
