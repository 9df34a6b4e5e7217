namespace NodeManager.Core.Platform.Adapters;

/// <summary>
/// Node operations as programs (e.g. <c>oo-admin-ctl-district -c add-node -n {district} -i {fqdn}</c>): argv templates
/// from <see cref="PlatformSettings.Commands"/>, no shell, the adapter's timeout, exit code and output captured.
/// list-gears prints one gear id per line; node-ready exits 0 when the node is ready.
/// </summary>
public sealed class CommandPlatform(PlatformSettings settings, ProcessRunner runner) : IPlatform
{
    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        RunChecked(PlatformSettings.AddNode, node, null, null, cancellationToken);

    public async Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) =>
        (await Run(PlatformSettings.NodeReady, node, null, null, cancellationToken).ConfigureAwait(false)).ExitCode == 0;

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        RunChecked(PlatformSettings.DeactivateNode, node, null, null, cancellationToken);

    public async Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        var result = await Run(PlatformSettings.ListGears, node, null, null, cancellationToken).ConfigureAwait(false);
        return result.EnsureSuccess($"{PlatformSettings.ListGears} {node.Host}").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) =>
        RunChecked(PlatformSettings.MoveGear, node, gear, targetHost, cancellationToken);

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        RunChecked(PlatformSettings.RemoveNode, node, null, null, cancellationToken);

    /// <summary>The argv of an operation with its placeholders filled; each element stays one argument.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> template, PlatformNode node, string? gear, string? target) =>
        template.Select(arg => arg
            .Replace("{district}", node.District, StringComparison.Ordinal)
            .Replace("{profile}", node.Profile, StringComparison.Ordinal)
            .Replace("{fqdn}", node.Host, StringComparison.Ordinal)
            .Replace("{gear}", gear ?? "", StringComparison.Ordinal)
            .Replace("{target}", target ?? "", StringComparison.Ordinal)).ToList();

    private async Task RunChecked(string op, PlatformNode node, string? gear, string? target, CancellationToken ct) =>
        (await Run(op, node, gear, target, ct).ConfigureAwait(false)).EnsureSuccess($"{op} {node.Host}");

    private Task<ProcessResult> Run(string op, PlatformNode node, string? gear, string? target, CancellationToken ct) =>
        runner.RunAsync($"{op} {node.Host}", Expand(settings.Commands[op], node, gear, target), settings.Timeout, ct);
}
