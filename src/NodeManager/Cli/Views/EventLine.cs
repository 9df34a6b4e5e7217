using NodeManager.Cli.Endpoint;

namespace NodeManager.Cli.Views;

/// <summary>One event as one line, for `nodemgr events` and its <c>--follow</c>: time, kind, district, node, type, message.</summary>
public static class EventLine
{
    public static string Format(EventBody e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var where = e.Node is null ? e.District : $"{e.District}/{e.Node}";
        return $"{Cells.At(e.At)}  {e.Kind,-9}  {where}  {e.Type}: {e.Message.ReplaceLineEndings(" ")}";
    }
}
