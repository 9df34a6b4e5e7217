namespace NodeManager.Core.Platform.Adapters;

/// <summary>Reads the capacity document from a file another process keeps up to date.</summary>
public sealed class FileCapacitySource(string path) : ICapacitySource
{
    public async Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken)
    {
        var operation = $"capacity file {path}";
        try
        {
            return CapacityDocumentJson.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), operation);
        }
        catch (IOException e)
        {
            throw new PlatformException(operation, e.Message, innerException: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PlatformException(operation, e.Message, innerException: e);
        }
    }
}
