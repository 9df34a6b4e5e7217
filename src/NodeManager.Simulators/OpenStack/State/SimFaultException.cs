namespace NodeManager.Simulators.OpenStack.State;

/// <summary>An error answer in the Nova/Cinder envelope <c>{faultName: {code, message}}</c>, thrown by the state and rendered by the API.</summary>
internal sealed class SimFaultException(int status, string message, int? retryAfterSeconds = null) : Exception(message)
{
    public int Status { get; } = status;
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    /// <summary>The names from nova/cinder wsgi.py <c>Fault._fault_names</c>.</summary>
    public string FaultName => Status switch
    {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 or 429 => "overLimit",
        415 => "badMediaType",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    };
}
