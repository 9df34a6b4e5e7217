using NodeManager.Core.Cloud;
using NodeManager.OpenStack.Errors;

namespace NodeManager.OpenStack.Cloud;

/// <summary>Client errors → Core's <see cref="CloudException"/> family. The call names the operation and the HTTP call with its request id.</summary>
public static class CloudErrorMapper
{
    /// <summary>The Core exception for <paramref name="error"/>, or null when it must propagate as is (cancellation, already mapped).</summary>
    public static CloudException? Map(string operation, Exception error)
    {
        if (error is CloudException or OperationCanceledException) return null;
        if (error is not OpenStackException os)
            return error is CatalogException or CredentialsException ? new CloudRequestException(operation, error.Message, null, error) : null;
        var call = os.RequestId is null ? $"{operation} [{os.Call}]" : $"{operation} [{os.Call}, request {os.RequestId}]";
        var message = os.CloudMessage;
        return os switch
        {
            QuotaExceededException q => new CloudQuotaExceededException(call, q.Resource, message, os),
            _ when ErrorClassifier.IsNoValidHost(message) => new CloudNoValidHostException(call, message, os),
            RateLimitedException r => new CloudRateLimitedException(call, message, r.RetryAfter, os),
            NotFoundException => new CloudNotFoundException(call, message, os),
            ConflictException => new CloudConflictException(call, message, os),
            ServerFaultException => new CloudServerFaultException(call, message, os.Status == 0 ? null : os.Status, os),
            OpenStackTimeoutException => new CloudTimeoutException(call, message, os),
            _ => new CloudRequestException(call, message, os.Status, os),
        };
    }
}
