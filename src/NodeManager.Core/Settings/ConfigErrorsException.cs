using NodeManager.Hocon;

namespace NodeManager.Core.Settings;

/// <summary>
/// Several faults of one settings record, thrown together so that none hides another. The message is every fault's
/// message, one a line (<c>FILE:LINE:COL: key: message</c>).
/// </summary>
public sealed class ConfigErrorsException(IReadOnlyList<ConfigException> errors)
    : Exception(string.Join('\n', errors.Select(e => e.Message)))
{
    public IReadOnlyList<ConfigException> Errors { get; } = errors;

    /// <summary>The faults <paramref name="exception"/> carries: its own list, or itself when it is one <see cref="ConfigException"/>; else none.</summary>
    public static IReadOnlyList<ConfigException> Of(Exception exception) => exception switch
    {
        ConfigErrorsException many => many.Errors,
        ConfigException one => [one],
        _ => [],
    };
}
