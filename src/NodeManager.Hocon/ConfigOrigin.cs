namespace NodeManager.Hocon;

/// <summary>Where a value or a syntax element came from: a file (or "string", "env var X"), a 1-based line and column.</summary>
public sealed record ConfigOrigin(string Description, int Line, int Column)
{
    public static ConfigOrigin Unknown(string description) => new(description, 0, 0);

    /// <summary>`FILE:LINE:COL`, or just the description when it has no position (environment variables).</summary>
    public override string ToString() => Line > 0 ? $"{Description}:{Line}:{Column}" : Description;
}
