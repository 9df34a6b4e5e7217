using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using NodeManager.Core.Status;
using static System.FormattableString;

namespace NodeManager.Management;

/// <summary>
/// <c>GET /</c>: the operator's status page. The server renders the page with every district and node as they stand;
/// <c>status.js</c> keeps it current from <c>/events/stream</c>, fetching again from the read-only routes what an event
/// says changed. Script and style are served from the product itself (<c>/page/…</c>): no CDN, no build step.
/// </summary>
public static class StatusPage
{
    private static readonly IReadOnlyDictionary<string, (string ContentType, byte[] Body)> Assets = new Dictionary<string, (string, byte[])>
    {
        ["status.js"] = ("text/javascript; charset=utf-8", Resource("status.js")),
        ["status.css"] = ("text/css; charset=utf-8", Resource("status.css")),
    };

    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Render);
        routes.MapGet("/page/{asset}", (string asset) => Assets.TryGetValue(asset, out var a)
            ? Results.Bytes(a.Body, a.ContentType)
            : Problems.Problem(StatusCodes.Status404NotFound, "unknown-route", "Unknown route", $"No route answers GET /page/{asset}."));
        return routes;
    }

    internal static async Task<IResult> Render(IControllerStatus status, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        IReadOnlyList<DistrictStatus> districts = [];
        IReadOnlyList<NodeStatus> nodes = [];
        var starting = false;
        try
        {
            districts = [.. (await status.GetDistrictsAsync(cancellationToken)).Select(redactor.Redact)];
            nodes = [.. (await status.GetNodesAsync(cancellationToken)).Select(redactor.Redact)];
        }
        catch (ControllerNotStartedException)
        {
            // The page still loads; its script fills it in once the controller answers.
            starting = true;
        }

        return Results.Content(Html(districts, nodes, starting), "text/html; charset=utf-8");
    }

    private static string Html(IReadOnlyList<DistrictStatus> districts, IReadOnlyList<NodeStatus> nodes, bool starting)
    {
        var h = new StringBuilder();
        h.Append("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>NodeManager</title>
            <link rel="stylesheet" href="/page/status.css">
            </head>
            <body>
            <header>
            <h1>NodeManager</h1>
            <span id="live" data-live="connecting">connecting…</span>
            </header>
            <main>
            """);
        if (starting) h.Append("<p id=\"starting\">The controller has not started yet.</p>\n");
        h.Append("<section id=\"districts\" aria-label=\"Districts\">\n");
        foreach (var d in districts) District(h, d);
        h.Append("</section>\n");
        h.Append("""
            <section id="nodes-section">
            <h2>Nodes</h2>
            <table id="nodes"><thead><tr><th>node</th><th>district</th><th>state</th><th>gears</th><th>last error</th></tr></thead>
            <tbody>
            """);
        foreach (var n in nodes) Node(h, n);
        h.Append("""
            </tbody></table>
            </section>
            <section id="node-detail" hidden>
            <h2>Node <span id="node-detail-name"></span></h2>
            <p id="node-detail-summary"></p>
            <table id="node-history"><thead><tr><th>at</th><th>state</th><th>event</th><th>detail</th></tr></thead><tbody></tbody></table>
            </section>
            <section id="events-section">
            <h2>Events</h2>
            <ol id="events"></ol>
            </section>
            </main>
            <script src="/page/status.js"></script>
            </body>
            </html>
            """);
        return h.ToString();
    }

    // The same markup status.js builds when it redraws a district or a node row; keep the two alike.
    private static void District(StringBuilder h, DistrictStatus d)
    {
        h.Append("<article class=\"district\" data-district=\"").Append(E(d.Name)).Append("\">\n<h3>").Append(E(d.Name)).Append("</h3>\n");
        h.Append("<p class=\"bounds\">profile ").Append(E(d.Profile)).Append(" · ").Append(d.MinNodes).Append('–').Append(d.MaxNodes)
            .Append(" nodes").Append(d.Paused ? " · paused" : "").Append("</p>\n");
        h.Append("<p class=\"utilisation\">").Append(d.Utilisation is { } u ? Invariant($"{u:0.#}% used") : "utilisation unknown");
        if (d.HighWaterMark is { } high && d.LowWaterMark is { } low) h.Append(Invariant($" (low-water {low:0.#}%, high-water {high:0.#}%)"));
        h.Append("</p>\n");
        Meter(h, d);
        h.Append("<p class=\"states\">");
        h.Append(E(string.Join(" · ", d.NodesByState.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))));
        h.Append("</p>\n<ul class=\"conditions\">");
        foreach (var c in d.Conditions)
            h.Append("<li data-condition=\"").Append(E(c.Type)).Append("\">").Append(E(c.Type)).Append(": ").Append(E(c.Message)).Append("</li>");
        h.Append("</ul>\n");
        if (d.LastDecision is { } decision)
            h.Append("<p class=\"decision\"><b>").Append(E(decision.Kind)).Append("</b> ").Append(E(decision.Reason)).Append("</p>\n");
        h.Append("</article>\n");
    }

    private static void Meter(StringBuilder h, DistrictStatus d)
    {
        var used = Math.Clamp(d.Utilisation ?? 0, 0, 100);
        var level = d.Utilisation is { } u && d.HighWaterMark is { } high && u >= high ? " hot"
            : d.Utilisation is { } v && d.LowWaterMark is { } low && v <= low ? " cold" : "";
        h.Append("<div class=\"meter\" role=\"img\" aria-label=\"utilisation against the water marks\">")
            .Append(Invariant($"<div class=\"fill{level}\" style=\"width: {used}%;\"></div>"));
        if (d.LowWaterMark is { } lowMark) h.Append(Invariant($"<div class=\"mark low\" style=\"left: {lowMark}%;\"></div>"));
        if (d.HighWaterMark is { } highMark) h.Append(Invariant($"<div class=\"mark high\" style=\"left: {highMark}%;\"></div>"));
        h.Append("</div>\n");
    }

    private static void Node(StringBuilder h, NodeStatus n)
    {
        h.Append("<tr data-node=\"").Append(E(n.Name)).Append("\" data-state=\"").Append(E(n.State)).Append("\"><td><button type=\"button\" class=\"node-link\">")
            .Append(E(n.Name)).Append("</button></td><td>").Append(E(n.District)).Append("</td><td class=\"state\">").Append(E(n.State))
            .Append("</td><td>").Append(n.ActiveGears?.ToString(CultureInfo.InvariantCulture) ?? "")
            .Append("</td><td>").Append(E(n.LastError ?? "")).Append("</td></tr>\n");
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NodeManager.Page." + name)
            ?? throw new InvalidOperationException($"the status page's {name} is not embedded in the product");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
