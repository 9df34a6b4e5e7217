namespace NodeManager.Simulators.OpenStack.State;

/// <summary>Designate's error envelope is flat: <c>{"code", "type", "message", "request_id"}</c>.</summary>
internal class DesignateException(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
}

internal sealed class DesignateNotFoundException(string type, string message) : DesignateException(404, type, message);

internal sealed class DesignateConflictException(string type, string message) : DesignateException(409, type, message);

internal sealed class DesignateBadRequestException(string type, string message) : DesignateException(400, type, message);
