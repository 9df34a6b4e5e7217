using System.Globalization;
using NodeManager.Cli.Endpoint;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NodeManager.Cli.Views;

/// <summary>The pieces every view writes alike: literal text cells (names and messages are never read as markup), times, states.</summary>
public static class Cells
{
    /// <summary>A node's states in lifecycle order, so that every view lists them alike.</summary>
    private static readonly string[] StateOrder =
        ["Requested", "Booting", "VolumeAttaching", "Joining", "Active", "Draining", "Reclaiming", "Reclaimed", "Failed"];

    /// <summary>States in which a node still counts against the district's maximum.</summary>
    public static bool IsLive(string state) => state is not ("Reclaimed" or "Failed");

    public static IRenderable Text(string? value) => new Text(value ?? "-");

    public static IRenderable Time(DateTimeOffset? at) => Text(At(at));

    public static string At(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    /// <summary>"Active 5, Booting 1", in lifecycle order; "none" when empty.</summary>
    public static string NodesByState(IReadOnlyDictionary<string, int>? byState)
    {
        if (byState is null || byState.Count == 0 || byState.Values.All(n => n == 0))
        {
            return "none";
        }

        return string.Join(", ", byState.Where(p => p.Value > 0)
            .OrderBy(p => Array.IndexOf(StateOrder, p.Key) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} {p.Value}"));
    }

    public static int LiveNodes(IReadOnlyDictionary<string, int>? byState) =>
        byState?.Where(p => IsLive(p.Key)).Sum(p => p.Value) ?? 0;

    /// <summary>"55%" or "-" when the district has not been measured yet.</summary>
    public static string Percent(double? value) =>
        value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>Where a district's value comes from: the operator who set it at run time, or the configuration file.</summary>
    public static string SourceOf(DistrictBody district, string setting)
    {
        ArgumentNullException.ThrowIfNull(district);
        return OverrideOf(district, setting) is { } set ? $"operator {set.By}" : "file";
    }

    public static OverrideBody? OverrideOf(DistrictBody district, string setting)
    {
        ArgumentNullException.ThrowIfNull(district);
        return district.Overrides?.LastOrDefault(o => string.Equals(o.Setting, setting, StringComparison.OrdinalIgnoreCase));
    }

    public static Table Table(params string[] columns)
    {
        // No rules, two spaces between columns: reads like `kubectl get` and pastes into a ticket as it is.
        var table = new Table().Border(TableBorder.None);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)).Padding(0, 0, 2, 0));
        }

        return table;
    }

    /// <summary>A blank line, then <paramref name="title"/>: the start of the next part of a view.</summary>
    public static void Section(IAnsiConsole console, string title)
    {
        Heading(console, "");
        Heading(console, title);
    }

    /// <summary>A line of prose, unwrapped: sentences keep their words together when copied or searched.</summary>
    public static void Heading(IAnsiConsole console, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.WriteLine(title);
    }
}
