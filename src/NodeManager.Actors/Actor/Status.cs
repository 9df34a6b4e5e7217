namespace NodeManager.Actors;

/// <summary>Replies that carry the outcome of an operation; <c>Ask</c> turns <see cref="Failure"/> into an exception.</summary>
public static class Status
{
    public sealed record Success(object? Status);

    public sealed record Failure(Exception Cause);
}
