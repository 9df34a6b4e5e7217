namespace NodeManager.Management;

/// <summary>
/// One bearer token of <c>node-manager.management.auth.tokens</c>: <see cref="Name"/> is who acted, as journals, logs
/// and responses show it; <see cref="Secret"/> is what the client sends and is never shown anywhere.
/// </summary>
public sealed record OperatorToken(string Name, string Secret)
{
    public const int MinimumSecretLength = 16;

    // A record prints its members: keep the secret out of any log line that formats a token.
    public override string ToString() => $"OperatorToken {{ Name = {Name} }}";
}
