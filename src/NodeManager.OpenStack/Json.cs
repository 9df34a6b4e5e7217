using System.Globalization;
using System.Text.Json;

namespace NodeManager.OpenStack;

/// <summary>
/// Tolerant readers: a field that is missing, null or of another JSON type than expected reads as null,
/// because fields come and go between microversions and releases.
/// </summary>
internal static class Json
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Prop(name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    public static long? Long(this JsonElement e, string name) => e.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var l) => l,
        { ValueKind: JsonValueKind.Number } v => (long)v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    public static bool? Bool(this JsonElement e, string name) => e.Prop(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    public static DateTimeOffset? Time(this JsonElement e, string name) =>
        e.Str(name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>A string→string map; non-string values (cinder metadata may hold booleans) are kept as their JSON text.</summary>
    public static IReadOnlyDictionary<string, string> Map(this JsonElement e, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (e.Prop(name) is { ValueKind: JsonValueKind.Object } o)
            foreach (var p in o.EnumerateObject())
                map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return map;
    }

    /// <summary>The integer members of <c>limits.absolute</c>, the same shape in Nova and Cinder.</summary>
    public static IReadOnlyDictionary<string, long> AbsoluteLimits(this JsonElement root)
    {
        var absolute = new Dictionary<string, long>(StringComparer.Ordinal);
        if (root.Prop("limits")?.Prop("absolute") is { ValueKind: JsonValueKind.Object } a)
            foreach (var p in a.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var v))
                    absolute[p.Name] = v;
        return absolute;
    }
}
