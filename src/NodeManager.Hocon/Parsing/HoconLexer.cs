using System.Globalization;
using System.Text;

namespace NodeManager.Hocon.Parsing;

/// <summary>
/// Turns HOCON text into tokens on demand, tracking line and column. Comments are dropped (the newline that ends
/// them stays a token, because newlines separate fields and elements).
/// </summary>
internal sealed class HoconLexer
{
    // Characters that may not appear in unquoted text (HOCON.md, "Unquoted strings").
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _description;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    public HoconLexer(string text, string description)
    {
        _text = text;
        _description = description;
    }

    public ConfigOrigin Here => new(_description, _line, _column);

    public static IReadOnlyList<string> ParsePathExpression(string expression, ConfigOrigin origin)
    {
        var lexer = new HoconLexer(expression, origin.Description);
        var tokens = new List<Token>();
        for (var token = lexer.Next(); token.Kind != TokenKind.Eof; token = lexer.Next())
        {
            tokens.Add(token);
        }
        return BuildPath(tokens, origin, "a path expression");
    }

    /// <summary>Path segments from key tokens (unquoted, quoted, inner whitespace); outer whitespace is trimmed.</summary>
    public static IReadOnlyList<string> BuildPath(IReadOnlyList<Token> tokens, ConfigOrigin origin, string what)
    {
        var start = 0;
        var end = tokens.Count;
        while (start < end && tokens[start].Kind == TokenKind.Whitespace)
        {
            start++;
        }
        while (end > start && tokens[end - 1].Kind == TokenKind.Whitespace)
        {
            end--;
        }
        var builder = new PathBuilder(origin);
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Unquoted: builder.AddUnquoted(token.Text); break;
                case TokenKind.Quoted: builder.AddQuoted(token.Text); break;
                case TokenKind.Whitespace: builder.AddWhitespace(token.Text); break;
                default:
                    throw new ConfigException(token.Origin, null, $"{token.Describe()} is not allowed in {what}");
            }
        }
        return builder.Build(what);
    }

    public Token Next()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.Eof, "", Here);
            }
            var c = _text[_pos];
            if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                SkipComment();
                continue;
            }
            var origin = Here;
            switch (c)
            {
                case '\n': Advance(); return new Token(TokenKind.Newline, "\n", origin);
                case '{': Advance(); return new Token(TokenKind.LBrace, "{", origin);
                case '}': Advance(); return new Token(TokenKind.RBrace, "}", origin);
                case '[': Advance(); return new Token(TokenKind.LBracket, "[", origin);
                case ']': Advance(); return new Token(TokenKind.RBracket, "]", origin);
                case ',': Advance(); return new Token(TokenKind.Comma, ",", origin);
                case ':': Advance(); return new Token(TokenKind.Colon, ":", origin);
                case '=': Advance(); return new Token(TokenKind.Equals, "=", origin);
                case '"': return ReadQuotedToken(origin);
                case '+' when Peek(1) == '=':
                    Advance();
                    Advance();
                    return new Token(TokenKind.PlusEquals, "+=", origin);
                case '$' when Peek(1) == '{':
                    return ReadSubstitution(origin);
            }
            if (IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance();
                }
                return new Token(TokenKind.Whitespace, _text[start.._pos], origin);
            }
            if (Forbidden.Contains(c))
            {
                throw new ConfigException(origin, null,
                    $"reserved character '{c}' is not allowed outside quotes; put the value in double quotes");
            }
            return new Token(TokenKind.Unquoted, ReadUnquoted(), origin);
        }
    }

    /// <summary>Reads what follows the unquoted <c>include</c> keyword.</summary>
    public IncludeSpec ReadIncludeSpec()
    {
        SkipBlank();
        var origin = Here;
        if (TryConsume("required("))
        {
            SkipBlank();
            var (kind, name) = ReadIncludeTarget(origin);
            SkipBlank();
            Expect(')', "to close required(");
            return new IncludeSpec(kind, name, Required: true, origin);
        }
        var (k, n) = ReadIncludeTarget(origin);
        return new IncludeSpec(k, n, Required: false, origin);
    }

    private (IncludeKind Kind, string Name) ReadIncludeTarget(ConfigOrigin origin)
    {
        if (Peek(0) == '"')
        {
            return (IncludeKind.Heuristic, ReadQuotedText(Here));
        }
        foreach (var (word, kind) in new[] { ("file(", IncludeKind.File), ("classpath(", IncludeKind.Classpath), ("url(", IncludeKind.Url) })
        {
            if (TryConsume(word))
            {
                SkipBlank();
                if (Peek(0) != '"')
                {
                    throw new ConfigException(Here, null, $"{word}…) takes a quoted string");
                }
                var name = ReadQuotedText(Here);
                SkipBlank();
                Expect(')', "to close " + word);
                return (kind, name);
            }
        }
        throw new ConfigException(origin, null,
            "include must be followed by a quoted string, file(\"…\"), url(\"…\"), classpath(\"…\") or required(…)");
    }

    private void Expect(char c, string why)
    {
        if (Peek(0) != c)
        {
            throw new ConfigException(Here, null, $"expected '{c}' {why}");
        }
        Advance();
    }

    private bool TryConsume(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            return false;
        }
        for (var i = 0; i < word.Length; i++)
        {
            Advance();
        }
        return true;
    }

    private void SkipBlank()
    {
        while (_pos < _text.Length && (IsWhitespace(_text[_pos]) || _text[_pos] == '\n'))
        {
            Advance();
        }
    }

    private Token ReadQuotedToken(ConfigOrigin origin) => new(TokenKind.Quoted, ReadQuotedText(origin), origin);

    private string ReadQuotedText(ConfigOrigin origin)
    {
        if (string.CompareOrdinal(_text, _pos, "\"\"\"", 0, 3) == 0)
        {
            return ReadTripleQuoted(origin);
        }
        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new ConfigException(origin, null, "unterminated quoted string (no closing '\"')");
            }
            var c = _text[_pos];
            if (c == '"')
            {
                Advance();
                return sb.ToString();
            }
            if (c == '\n')
            {
                throw new ConfigException(Here, null, "newline inside a quoted string; use \\n or a \"\"\"triple-quoted\"\"\" string");
            }
            if (c < ' ')
            {
                // Quoted strings are JSON strings, and JSON forbids raw control characters in them.
                throw new ConfigException(Here, null, $"control character U+{(int)c:X4} inside a quoted string; write it as a backslash escape");
            }
            if (c == '\\')
            {
                var escapeOrigin = Here;
                Advance();
                if (_pos >= _text.Length)
                {
                    throw new ConfigException(escapeOrigin, null, "unterminated escape in quoted string");
                }
                var e = _text[_pos];
                Advance();
                if (ConfigPath.ValueOfEscape.TryGetValue(e, out var unescaped))
                {
                    sb.Append(unescaped);
                    continue;
                }
                switch (e)
                {
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new ConfigException(escapeOrigin, null, "\\u must be followed by four hex digits");
                        }
                        for (var i = 0; i < 4; i++)
                        {
                            Advance();
                        }
                        sb.Append((char)code);
                        break;
                    default:
                        throw new ConfigException(escapeOrigin, null, $"invalid escape '\\{e}' in quoted string");
                }
                continue;
            }
            sb.Append(c);
            Advance();
        }
    }

    // """...""": no escapes, raw newlines; in a run of more than three closing quotes the extras belong to the string.
    private string ReadTripleQuoted(ConfigOrigin origin)
    {
        for (var i = 0; i < 3; i++)
        {
            Advance();
        }
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new ConfigException(origin, null, "unterminated triple-quoted string (no closing '\"\"\"')");
            }
            if (_text[_pos] == '"')
            {
                var run = 0;
                while (_pos < _text.Length && _text[_pos] == '"')
                {
                    run++;
                    Advance();
                }
                if (run >= 3)
                {
                    sb.Append('"', run - 3);
                    return sb.ToString();
                }
                sb.Append('"', run);
                continue;
            }
            sb.Append(_text[_pos]);
            Advance();
        }
    }

    private Token ReadSubstitution(ConfigOrigin origin)
    {
        Advance();
        Advance();
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            Advance();
        }
        var pieces = new List<Token>();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw new ConfigException(origin, null, "unterminated substitution (no closing '}')");
            }
            var c = _text[_pos];
            var here = Here;
            if (c == '}')
            {
                Advance();
                break;
            }
            if (c == '"')
            {
                pieces.Add(ReadQuotedToken(here));
            }
            else if (IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance();
                }
                pieces.Add(new Token(TokenKind.Whitespace, _text[start.._pos], here));
            }
            else if (Forbidden.Contains(c))
            {
                throw new ConfigException(here, null, $"'{c}' is not allowed in a substitution's path; quote that part of the path");
            }
            else
            {
                pieces.Add(new Token(TokenKind.Unquoted, ReadUnquoted(), here));
            }
        }
        var path = BuildPath(pieces, origin, "a substitution path");
        return new Token(TokenKind.Substitution, "${}", origin, path, optional);
    }

    private string ReadUnquoted()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || Forbidden.Contains(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }
            Advance();
        }
        return _text[start.._pos];
    }

    private void SkipComment()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            Advance();
        }
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }
        _pos++;
    }

    // HOCON.md "Whitespace": Unicode Zs, Zl and Zp (no-break spaces included), tab, VT, FF, CR and the separators
    // 0x1C-0x1F; plus the byte-order mark. Newline is not whitespace here: it is a token of its own.
    internal static bool IsWhitespace(char c) => c switch
    {
        '\n' => false,
        '\t' or '\v' or '\f' or '\r' or '\uFEFF' => true,
        >= '\u001C' and <= '\u001F' => true,
        _ => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator,
    };
}
