using System.Text.Json;
using System.Text.Json.Nodes;

namespace NodeManager.OpenStack.Tests.Support;

/// <summary>Compares JSON by shape: same field names and the same JSON types (null matches anything, as in the samples).</summary>
internal static class JsonShape
{
    /// <summary>Differences between <paramref name="sample"/> and <paramref name="actual"/>, as "path: problem" lines.</summary>
    /// <param name="optional">Paths (dotted, arrays as []) that the sample has but <paramref name="actual"/> may omit;
    /// "path.*" compares only the type at path, not its members (user-chosen keys such as metadata).</param>
    /// <param name="strict">Also report fields <paramref name="actual"/> has that the sample lacks.</param>
    public static List<string> Compare(JsonNode? sample, JsonNode? actual, IReadOnlySet<string>? optional = null, bool strict = true)
    {
        var problems = new List<string>();
        Walk("$", sample, actual, optional ?? new HashSet<string>(), strict, problems);
        return problems;
    }

    public static void AssertSame(JsonNode? sample, JsonNode? actual, IReadOnlySet<string>? optional = null, bool strict = true)
    {
        var problems = Compare(sample, actual, optional, strict);
        Assert.True(problems.Count == 0, "JSON shape differs from the sample:\n" + string.Join("\n", problems) + "\nactual: " + actual?.ToJsonString());
    }

    private static void Walk(string path, JsonNode? sample, JsonNode? actual, IReadOnlySet<string> optional, bool strict, List<string> problems)
    {
        if (sample is null || actual is null) return;
        var skipChildren = optional.Contains(path + ".*");
        var (sk, ak) = (Kind(sample), Kind(actual));
        if (sk != ak)
        {
            problems.Add($"{path}: sample is {sk}, actual is {ak}");
            return;
        }
        if (skipChildren) return;
        switch (sample)
        {
            case JsonObject so:
                var ao = (JsonObject)actual;
                foreach (var (name, value) in so)
                {
                    var child = $"{path}.{name}";
                    if (!ao.ContainsKey(name))
                    {
                        if (!optional.Contains(child)) problems.Add($"{child}: missing");
                        continue;
                    }
                    Walk(child, value, ao[name], optional, strict, problems);
                }
                if (strict)
                    foreach (var (name, _) in ao)
                        if (!so.ContainsKey(name) && !optional.Contains($"{path}.{name}"))
                            problems.Add($"{path}.{name}: not in the sample");
                break;
            case JsonArray sa:
                var aa = (JsonArray)actual;
                if (sa.Count > 0 && aa.Count > 0)
                    foreach (var item in aa)
                        Walk(path + "[]", sa[0], item, optional, strict, problems);
                break;
        }
    }

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var k => k.ToString().ToLowerInvariant(),
    };
}
