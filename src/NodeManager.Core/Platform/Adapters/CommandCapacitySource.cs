namespace NodeManager.Core.Platform.Adapters;

/// <summary>Runs an <c>oo-stats</c>-style exporter (argv, no shell) and reads the document from its stdout.</summary>
public sealed class CommandCapacitySource(IReadOnlyList<string> argv, TimeSpan timeout, ProcessRunner runner) : ICapacitySource
{
    public async Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken)
    {
        var operation = $"capacity {argv[0]}";
        var result = await runner.RunAsync(operation, argv, timeout, cancellationToken).ConfigureAwait(false);
        return CapacityDocumentJson.Parse(result.EnsureSuccess(operation).Stdout, operation);
    }
}
