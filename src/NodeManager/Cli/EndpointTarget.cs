namespace NodeManager.Cli;

/// <summary>Where an operator command sends its requests, with which token (null: none) and how it prints the answer.</summary>
public sealed record EndpointTarget(Uri Endpoint, string? Token, OutputFormat Output)
{
    /// <summary>Where the management endpoint listens by default (reference.conf, <c>node-manager.management</c>).</summary>
    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:8558/");

    // The token is left out so that no record printed by mistake shows it.
    public override string ToString() => $"{Endpoint} ({Output}{(Token is null ? "" : ", with a token")})";
}
