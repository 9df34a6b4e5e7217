namespace NodeManager.Core.Platform;

/// <summary>
/// The PaaS side of a node's life. Every operation fails with <see cref="PlatformException"/> (naming the operation,
/// exit code or status, and the platform's output); none of them retries by itself — the node actor does.
/// Each waits for the platform's answer up to the adapter's timeout, never for a longer process (a gear move that the
/// platform runs asynchronously is polled through <see cref="ListGearsAsync"/>).
/// </summary>
public interface IPlatform
{
    /// <summary>Adds the host to the district with its profile. Idempotent: a node already in the district is success.</summary>
    Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken);

    /// <summary>True once the node accepts gears (it answered and joined). Read-only.</summary>
    Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken);

    /// <summary>Stops new gears landing on the node. Idempotent.</summary>
    Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken);

    /// <summary>The gear ids still on the node (empty when drained). Read-only.</summary>
    Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken);

    /// <summary>
    /// Moves one gear to <paramref name="targetHost"/> in the same district. Not idempotent in general: the caller
    /// re-lists gears before retrying a failed move.
    /// </summary>
    Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken);

    /// <summary>Removes the node from its district. Refused while it holds gears. Idempotent: an absent node is success.</summary>
    Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken);
}

/// <summary>A node as the platform addresses it: district, profile and host name (FQDN).</summary>
public sealed record PlatformNode(string District, string Profile, string Host);
