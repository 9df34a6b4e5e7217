namespace NodeManager.OpenStack.Errors;

/// <summary>
/// A call to an OpenStack API failed. Carries the call (method and path, never a token or a body),
/// the HTTP status (0 when no response arrived), the cloud's own message and its request id, so that
/// an operator can find the same request in the cloud's logs.
/// </summary>
public class OpenStackException : Exception
{
    public OpenStackException(string call, int status, string cloudMessage, string? requestId, Exception? inner = null)
        : base(Describe(call, status, cloudMessage, requestId), inner)
    {
        Call = call;
        Status = status;
        CloudMessage = cloudMessage;
        RequestId = requestId;
    }

    /// <summary>Method and path, e.g. <c>POST /compute/v2.1/servers</c>.</summary>
    public string Call { get; }

    public int Status { get; }

    /// <summary>The message from the cloud's error body, verbatim.</summary>
    public string CloudMessage { get; }

    /// <summary>The <c>x-openstack-request-id</c> response header, when the cloud sent one.</summary>
    public string? RequestId { get; }

    /// <summary>True when trying the same call again later may succeed (5xx, timeouts, rate limits).</summary>
    public virtual bool IsTransient => false;

    private static string Describe(string call, int status, string message, string? requestId)
    {
        var head = status > 0 ? $"{call} → {status}: {message}" : $"{call}: {message}";
        return requestId is null ? head : $"{head} (request {requestId})";
    }
}
