using System.Text;

namespace NodeManager.Hocon.Parsing;

/// <summary>
/// Java .properties files: keys split on every '.', values always strings; where a key is both a value and a
/// parent (<c>a=1</c>, <c>a.b=2</c>) the object wins (HOCON.md, "Java properties mapping").
/// </summary>
internal static class PropertiesParser
{
    public static ConfigObject Parse(string text, string description)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        var origins = new Dictionary<string, ConfigOrigin>(StringComparer.Ordinal);
        var lines = LogicalLines(text);
        foreach (var (line, lineNumber) in lines)
        {
            var (key, value) = SplitLine(line);
            var origin = new ConfigOrigin(description, lineNumber, 1);
            Insert(root, key.Split('.'), value, origin);
        }
        return ToObject(root, new ConfigOrigin(description, 1, 1));
    }

    private static void Insert(Dictionary<string, object> node, string[] segments, string value, ConfigOrigin origin)
    {
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (!node.TryGetValue(segments[i], out var child) || child is not Dictionary<string, object> childObject)
            {
                childObject = new Dictionary<string, object>(StringComparer.Ordinal);
                node[segments[i]] = childObject;
            }
            node = childObject;
        }
        var last = segments[^1];
        if (node.TryGetValue(last, out var existing) && existing is Dictionary<string, object>)
        {
            return;
        }
        node[last] = ConfigScalar.String(value, origin);
    }

    private static ConfigObject ToObject(Dictionary<string, object> node, ConfigOrigin origin) =>
        ConfigObject.Create(origin, node.Select(kv => KeyValuePair.Create(kv.Key,
            kv.Value is Dictionary<string, object> child ? ToObject(child, origin) : (ConfigValue)kv.Value)));

    private static List<(string Line, int Number)> LogicalLines(string text)
    {
        var result = new List<(string, int)>();
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new StringBuilder();
        var start = 0;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i].TrimStart();
            if (current.Length == 0)
            {
                start = i + 1;
                if (line.Length == 0 || line[0] == '#' || line[0] == '!')
                {
                    continue;
                }
            }
            if (EndsWithContinuation(line))
            {
                current.Append(line, 0, line.Length - 1);
                continue;
            }
            current.Append(line);
            result.Add((current.ToString(), start));
            current.Clear();
        }
        if (current.Length > 0)
        {
            result.Add((current.ToString(), start));
        }
        return result;
    }

    private static bool EndsWithContinuation(string line)
    {
        var backslashes = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) SplitLine(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                key.Append(Unescape(line[++i]));
                continue;
            }
            if (c is '=' or ':' || char.IsWhiteSpace(c))
            {
                break;
            }
            key.Append(c);
        }
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        var value = new StringBuilder();
        for (; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                if (line[i + 1] == 'u' && i + 6 <= line.Length)
                {
                    value.Append((char)Convert.ToInt32(line.Substring(i + 2, 4), 16));
                    i += 5;
                    continue;
                }
                value.Append(Unescape(line[++i]));
                continue;
            }
            value.Append(line[i]);
        }
        return (key.ToString(), value.ToString());
    }

    private static char Unescape(char c) => c switch
    {
        't' => '\t',
        'n' => '\n',
        'r' => '\r',
        'f' => '\f',
        _ => c,
    };
}
