namespace NodeManager.OpenStack.Errors;

// The typed family the client throws. Kept together because each is a one-line specialisation of
// OpenStackException and callers read them as one table (see ErrorClassifier for the mapping).

/// <summary>A project quota refused the request: nova 403/413 "Quota exceeded for X", cinder 413 overLimit.</summary>
public sealed class QuotaExceededException(string call, int status, string cloudMessage, string? requestId, string resource)
    : OpenStackException(call, status, cloudMessage, requestId)
{
    /// <summary>instances, cores, ram, volumes, gigabytes, … as the cloud named it; "unknown" when it did not.</summary>
    public string Resource { get; } = resource;
}

/// <summary>429, or 413 without a quota message: the API's rate limit. <see cref="RetryAfter"/> from the header or body.</summary>
public sealed class RateLimitedException(string call, int status, string cloudMessage, string? requestId, TimeSpan? retryAfter)
    : OpenStackException(call, status, cloudMessage, requestId)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public override bool IsTransient => true;
}

public sealed class NotFoundException(string call, string cloudMessage, string? requestId)
    : OpenStackException(call, 404, cloudMessage, requestId);

public sealed class ConflictException(string call, string cloudMessage, string? requestId)
    : OpenStackException(call, 409, cloudMessage, requestId);

/// <summary>400 and any other 4xx that has no type of its own (403 without a quota message, 405, 415, …).</summary>
public sealed class BadRequestException(string call, int status, string cloudMessage, string? requestId)
    : OpenStackException(call, status, cloudMessage, requestId);

/// <summary>401 that survived one re-authentication, or Keystone refusing the credentials.</summary>
public sealed class UnauthorizedException(string call, string cloudMessage, string? requestId)
    : OpenStackException(call, 401, cloudMessage, requestId);

/// <summary>5xx, or no response at all (connection refused or reset: status 0).</summary>
public sealed class ServerFaultException(string call, int status, string cloudMessage, string? requestId, Exception? inner = null)
    : OpenStackException(call, status, cloudMessage, requestId, inner)
{
    public override bool IsTransient => true;
}

/// <summary>The call did not answer within its per-call timeout.</summary>
public sealed class OpenStackTimeoutException(string call, TimeSpan timeout, Exception? inner = null)
    : OpenStackException(call, 0, $"no answer within {timeout.TotalSeconds:0.###}s", null, inner)
{
    public TimeSpan Timeout { get; } = timeout;
    public override bool IsTransient => true;
}

/// <summary>The service catalog has no endpoint for a service type the client needs.</summary>
public sealed class CatalogException(string message) : Exception(message);

/// <summary>No usable credentials: names every source that was looked at.</summary>
public sealed class CredentialsException(string message) : Exception(message);
