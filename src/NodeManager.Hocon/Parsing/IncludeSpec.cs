namespace NodeManager.Hocon.Parsing;

internal enum IncludeKind
{
    Heuristic,
    File,
    Classpath,
    Url,
}

/// <summary>The argument of an include statement: <c>include required(file("x.conf"))</c>.</summary>
internal sealed record IncludeSpec(IncludeKind Kind, string Name, bool Required, ConfigOrigin Origin);
