using System.Text.Json;

namespace NodeManager.OpenStack.Http;

/// <summary>
/// Nova's and Cinder's list paging: while the answer has a <c>rel=next</c> link, ask again with <c>marker</c> = the last
/// item's id. The marker is followed rather than the link's href, which behind a proxy may name an unreachable host.
/// </summary>
internal static class MarkerPages
{
    public static async Task<List<T>> ListAllAsync<T>(Func<string, Task<ApiResponse>> get, string path, string? filter,
        string itemsName, string linksName, Func<JsonElement, T> read, Func<T, string> id)
    {
        var items = new List<T>();
        string? marker = null;
        while (true)
        {
            var query = string.Join("&", new[] { filter, marker is null ? null : "marker=" + Uri.EscapeDataString(marker) }.OfType<string>());
            var response = await get(path + (query.Length > 0 ? "?" + query : "")).ConfigureAwait(false);
            using var doc = response.Json();
            var page = doc.RootElement.Array(itemsName).Select(read).ToList();
            items.AddRange(page);
            if (page.Count == 0 || !doc.RootElement.Array(linksName).Any(l => l.Str("rel") == "next")) return items;
            marker = id(page[^1]);
        }
    }
}
