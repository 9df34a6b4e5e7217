namespace NodeManager.Hocon.Parsing;

/// <summary>
/// Recursive-descent parser from tokens to an unresolved value tree. Duplicate keys merge as they are read;
/// substitutions stay in the tree until <see cref="Resolution.ConfigResolver"/> runs over the whole configuration.
/// </summary>
internal sealed class HoconParser
{
    // Far beyond any real configuration; stops a runaway input with an error instead of a stack overflow.
    private const int MaxNesting = 256;

    private readonly HoconLexer _lexer;
    private readonly ConfigIncluder _includer;
    private readonly string? _baseDirectory;
    private readonly int _depth;
    private Token? _peeked;
    private int _nesting;

    private HoconParser(string text, string description, string? baseDirectory, ConfigIncluder includer, int depth)
    {
        _lexer = new HoconLexer(text, description);
        _includer = includer;
        _baseDirectory = baseDirectory;
        _depth = depth;
    }

    public static ConfigObject Parse(string text, string description, string? baseDirectory, ConfigIncluder includer, int depth = 0) =>
        new HoconParser(text, description, baseDirectory, includer, depth).ParseDocument();

    private ConfigObject ParseDocument()
    {
        SkipBlank();
        var first = Peek();
        ConfigObject root;
        if (first.Kind == TokenKind.LBrace)
        {
            Next();
            root = ParseObjectBody([], braced: true, first.Origin);
            SkipBlank();
            var trailing = Peek();
            if (trailing.Kind != TokenKind.Eof)
            {
                throw new ConfigException(trailing.Origin, null, $"unexpected {trailing.Describe()} after the closing '}}' of the root object");
            }
        }
        else if (first.Kind == TokenKind.LBracket)
        {
            throw new ConfigException(first.Origin, null, "a configuration must have an object at its root, not an array");
        }
        else
        {
            root = ParseObjectBody([], braced: false, first.Origin);
        }
        return root;
    }

    private ConfigObject ParseObjectBody(IReadOnlyList<string> path, bool braced, ConfigOrigin openedAt)
    {
        var obj = new ObjectBuilder(openedAt);
        while (true)
        {
            SkipBlank();
            var token = Peek();
            if (token.Kind == TokenKind.RBrace)
            {
                if (!braced)
                {
                    throw new ConfigException(token.Origin, Key(path), "unexpected '}' without a matching '{'");
                }
                Next();
                return obj.Build();
            }
            if (token.Kind == TokenKind.Eof)
            {
                if (braced)
                {
                    throw new ConfigException(token.Origin, Key(path), $"end of file inside the object opened at {openedAt}; expected '}}'");
                }
                return obj.Build();
            }
            IReadOnlyList<string> field;
            if (token.Kind == TokenKind.Unquoted && token.Text == "include")
            {
                Next();
                var included = _includer.Include(_lexer.ReadIncludeSpec(), _baseDirectory, _depth);
                obj.Include((ConfigObject)included.Relativize(path));
                field = path;
            }
            else
            {
                field = ParseField(obj, path);
            }
            SkipWhitespace();
            var after = Peek();
            switch (after.Kind)
            {
                case TokenKind.Comma:
                    Next();
                    SkipBlank();
                    if (Peek().Kind == TokenKind.Comma)
                    {
                        throw new ConfigException(Peek().Origin, Key(field), "two commas in a row");
                    }
                    break;
                case TokenKind.Newline:
                case TokenKind.RBrace:
                case TokenKind.Eof:
                    break;
                default:
                    throw new ConfigException(after.Origin, Key(field),
                        $"expected ',', a newline or '}}' after a field, got {after.Describe()}{QuoteHint(after)}");
            }
        }
    }

    /// <summary>Parses one field into <paramref name="obj"/> and returns its path (for errors after it).</summary>
    private IReadOnlyList<string> ParseField(ObjectBuilder obj, IReadOnlyList<string> path)
    {
        var keyOrigin = Peek().Origin;
        var keyTokens = new List<Token>();
        while (Peek().Kind is TokenKind.Unquoted or TokenKind.Quoted or TokenKind.Whitespace)
        {
            keyTokens.Add(Next());
        }
        if (keyTokens.Count == 0)
        {
            var bad = Peek();
            throw new ConfigException(bad.Origin, Key(path), $"expected a key, got {bad.Describe()}");
        }
        var segments = HoconLexer.BuildPath(keyTokens, keyOrigin, "a key");
        IReadOnlyList<string> fieldPath = [.. path, .. segments];
        ConfigValue value;
        try
        {
            value = ParseFieldValue(fieldPath);
        }
        catch (ConfigException e) when (e.Path is null)
        {
            // A lexical fault (a reserved character, a bad escape) does not know its key; the field does.
            throw new ConfigException(e.Origin, Key(fieldPath), e.Detail, e);
        }
        obj.Set(segments[0], ConfigMerge.Wrap(segments, 1, value, keyOrigin), keyOrigin);
        return fieldPath;
    }

    /// <summary>The separator after a key and the value after it.</summary>
    private ConfigValue ParseFieldValue(IReadOnlyList<string> fieldPath)
    {
        SkipBlank();
        var separator = Peek();
        ConfigValue value;
        switch (separator.Kind)
        {
            case TokenKind.Colon:
            case TokenKind.Equals:
                Next();
                SkipBlank();
                value = ParseValue(fieldPath);
                break;
            case TokenKind.PlusEquals:
                Next();
                SkipBlank();
                var element = ParseValue(fieldPath);
                // a += b is a = ${?a} [b] (HOCON.md, "The += field separator").
                value = new ConfigConcatenation(separator.Origin,
                [
                    new ConfigSubstitution(separator.Origin, fieldPath, optional: true),
                    new ConfigList(element.Origin, [element]),
                ]);
                break;
            case TokenKind.LBrace:
                value = ParseValue(fieldPath);
                break;
            default:
                if (separator.Kind == TokenKind.Substitution)
                {
                    throw new ConfigException(separator.Origin, Key(fieldPath), "substitutions are not allowed in keys");
                }
                throw new ConfigException(separator.Origin, Key(fieldPath),
                    $"expected ':', '=', '+=' or '{{' after the key, got {separator.Describe()}");
        }
        return value;
    }

    /// <summary>A value: one or more concatenated parts, ending at ',', a newline, a closing bracket or the end.</summary>
    private ConfigValue ParseValue(IReadOnlyList<string> path)
    {
        var pieces = new List<ConfigValue>();
        while (true)
        {
            var token = Peek();
            ConfigValue piece;
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    Next();
                    if (pieces.Count > 0)
                    {
                        pieces.Add(ConfigScalar.Whitespace(token.Text, token.Origin));
                    }
                    continue;
                case TokenKind.Quoted:
                    Next();
                    piece = ConfigScalar.String(token.Text, token.Origin);
                    break;
                case TokenKind.Unquoted:
                    Next();
                    piece = Classify(token);
                    break;
                case TokenKind.Substitution:
                    Next();
                    piece = new ConfigSubstitution(token.Origin, token.Path!, token.Optional);
                    break;
                case TokenKind.LBrace:
                    Next();
                    Enter(token, path);
                    piece = ParseObjectBody(path, braced: true, token.Origin);
                    _nesting--;
                    break;
                case TokenKind.LBracket:
                    Next();
                    Enter(token, path);
                    piece = ParseList(path, token.Origin);
                    _nesting--;
                    break;
                default:
                    goto done;
            }
            pieces.Add(piece);
        }
    done:
        while (pieces.Count > 0 && pieces[^1] is ConfigScalar { IsWhitespace: true })
        {
            pieces.RemoveAt(pieces.Count - 1);
        }
        if (pieces.Count == 0)
        {
            var bad = Peek();
            throw new ConfigException(bad.Origin, Key(path), $"expected a value, got {bad.Describe()}");
        }
        if (pieces.Count == 1)
        {
            return pieces[0];
        }
        var concatenation = new ConfigConcatenation(pieces[0].Origin, pieces);
        return pieces.All(p => p.IsResolved) ? Resolution.Concatenator.Join(pieces, pieces[0].Origin, Key(path))! : concatenation;
    }

    private ConfigList ParseList(IReadOnlyList<string> path, ConfigOrigin openedAt)
    {
        var items = new List<ConfigValue>();
        while (true)
        {
            SkipBlank();
            var token = Peek();
            if (token.Kind == TokenKind.RBracket)
            {
                Next();
                return new ConfigList(openedAt, items);
            }
            if (token.Kind == TokenKind.Eof)
            {
                throw new ConfigException(token.Origin, Key(path), $"end of file inside the list opened at {openedAt}; expected ']'");
            }
            if (token.Kind == TokenKind.Comma)
            {
                throw new ConfigException(token.Origin, Key(path), "unexpected ',' in a list (an element is missing)");
            }
            items.Add(ParseValue(path));
            SkipWhitespace();
            var after = Peek();
            switch (after.Kind)
            {
                case TokenKind.Comma:
                    Next();
                    break;
                case TokenKind.Newline:
                case TokenKind.RBracket:
                    break;
                case TokenKind.Eof:
                    throw new ConfigException(after.Origin, Key(path), $"end of file inside the list opened at {openedAt}; expected ']'");
                default:
                    throw new ConfigException(after.Origin, Key(path), $"expected ',', a newline or ']' after a list element, got {after.Describe()}{QuoteHint(after)}");
            }
        }
    }

    private void Enter(Token opening, IReadOnlyList<string> path)
    {
        if (++_nesting > MaxNesting)
        {
            throw new ConfigException(opening.Origin, Key(path), $"objects and lists nested more than {MaxNesting} deep");
        }
    }

    private static ConfigValue Classify(Token token) => token.Text switch
    {
        "true" => ConfigScalar.Boolean(true, token.Origin),
        "false" => ConfigScalar.Boolean(false, token.Origin),
        "null" => ConfigScalar.Null(token.Origin),
        _ when ConfigScalar.IsNumber(token.Text) => ConfigScalar.Number(token.Text, token.Origin),
        _ => ConfigScalar.String(token.Text, token.Origin),
    };

    private static string Key(IReadOnlyList<string> path) => ConfigPath.Join(path);

    // The usual cause: a URL or a "key=value" text written without quotes.
    private static string QuoteHint(Token token) =>
        token.Kind is TokenKind.Colon or TokenKind.Equals ? $"; put a value that contains '{token.Text}' in double quotes" : "";

    private void SkipBlank()
    {
        while (Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Next();
        }
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == TokenKind.Whitespace)
        {
            Next();
        }
    }

    private Token Peek() => _peeked ??= _lexer.Next();

    private Token Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }
}
