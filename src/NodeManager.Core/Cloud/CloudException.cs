namespace NodeManager.Core.Cloud;

/// <summary>
/// Base of every failure an <see cref="ICloud"/> reports. <see cref="Call"/> names the operation
/// (e.g. "create server node_3"), <see cref="CloudMessage"/> is the cloud's own words, never a secret.
/// </summary>
public abstract class CloudException : Exception
{
    protected CloudException(string call, string cloudMessage, Exception? innerException)
        : base($"{call}: {cloudMessage}", innerException)
    {
        Call = call;
        CloudMessage = cloudMessage;
    }

    public string Call { get; }

    public string CloudMessage { get; }

    /// <summary>True when the same call may succeed if retried later without any change (rate limit, 5xx, timeout).</summary>
    public virtual bool IsTransient => false;
}

/// <summary>
/// The project's quota for <see cref="Resource"/> ("instances", "cores", "ram", "volumes", "gigabytes", …) is used up.
/// Project-wide: the controller backs off the whole cloud.
/// </summary>
public sealed class CloudQuotaExceededException(string call, string resource, string cloudMessage, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException)
{
    public string Resource { get; } = resource;
}

/// <summary>The scheduler found no host for the request (capacity of the availability zone or aggregate).</summary>
public sealed class CloudNoValidHostException(string call, string cloudMessage, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException);

/// <summary>A referenced resource (server, volume, image, flavor, network, zone) does not exist.</summary>
public sealed class CloudNotFoundException(string call, string cloudMessage, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException);

/// <summary>The resource is in a state that forbids the call (volume attached elsewhere, server locked, 409).</summary>
public sealed class CloudConflictException(string call, string cloudMessage, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException);

/// <summary>The cloud asked us to slow down (429 or 413 with Retry-After).</summary>
public sealed class CloudRateLimitedException(string call, string cloudMessage, TimeSpan? retryAfter = null, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override bool IsTransient => true;
}

/// <summary>The cloud failed on its side (5xx, connection refused or reset): retry later.</summary>
public sealed class CloudServerFaultException(string call, string cloudMessage, int? statusCode = null, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException)
{
    public int? StatusCode { get; } = statusCode;

    public override bool IsTransient => true;
}

/// <summary>The call got no answer in time. The request may still take effect: callers re-find by name.</summary>
public sealed class CloudTimeoutException(string call, string cloudMessage, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException)
{
    public override bool IsTransient => true;
}

/// <summary>Anything else the cloud refused (400, 401, 403 that is not a quota): not retried, the node fails.</summary>
public sealed class CloudRequestException(string call, string cloudMessage, int? statusCode = null, Exception? innerException = null)
    : CloudException(call, cloudMessage, innerException)
{
    public int? StatusCode { get; } = statusCode;
}
