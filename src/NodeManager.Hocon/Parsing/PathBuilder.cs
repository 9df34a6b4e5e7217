using System.Text;

namespace NodeManager.Hocon.Parsing;

/// <summary>Builds path segments from the pieces of a key or substitution: unquoted text splits on '.', quoted text does not.</summary>
internal sealed class PathBuilder
{
    private readonly List<string> _segments = [];
    private readonly StringBuilder _current = new();
    private readonly ConfigOrigin _origin;
    private bool _currentQuoted;
    private bool _any;

    public PathBuilder(ConfigOrigin origin)
    {
        _origin = origin;
    }

    public void AddUnquoted(string text)
    {
        _any = true;
        var parts = text.Split('.');
        _current.Append(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            EndSegment();
            _current.Append(parts[i]);
        }
    }

    public void AddQuoted(string text)
    {
        _any = true;
        _currentQuoted = true;
        _current.Append(text);
    }

    public void AddWhitespace(string text) => _current.Append(text);

    public IReadOnlyList<string> Build(string what)
    {
        if (!_any)
        {
            throw new ConfigException(_origin, null, $"expected {what}, found nothing");
        }
        EndSegment();
        return _segments;
    }

    private void EndSegment()
    {
        if (_current.Length == 0 && !_currentQuoted)
        {
            throw new ConfigException(_origin, null,
                "path has an empty element (a leading, trailing or doubled '.'); quote it (\"\") if an empty key is meant");
        }
        _segments.Add(_current.ToString());
        _current.Clear();
        _currentQuoted = false;
    }
}
