namespace NodeManager.Hocon.Parsing;

internal enum TokenKind
{
    Eof,
    Newline,
    Whitespace,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    Quoted,
    Unquoted,
    Substitution,
}

/// <summary>One lexical token. <see cref="Text"/> is the string value for quoted strings (escapes applied).</summary>
internal sealed record Token(TokenKind Kind, string Text, ConfigOrigin Origin, IReadOnlyList<string>? Path = null, bool Optional = false)
{
    public string Describe() => Kind switch
    {
        TokenKind.Eof => "end of file",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Quoted => "quoted string " + ConfigPath.Quote(Text),
        TokenKind.Unquoted => "'" + Text + "'",
        TokenKind.Substitution => "substitution ${" + (Optional ? "?" : "") + ConfigPath.Join(Path!) + "}",
        TokenKind.PlusEquals => "'+='",
        _ => "'" + Text + "'",
    };
}
