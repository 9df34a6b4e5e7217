namespace NodeManager.Core.Fencing;

/// <summary>
/// A change to the cloud or the platform was refused before it was made, because this member no longer holds the
/// district's fence. Not a cloud or platform failure: nothing was called, and the district stops instead of retrying.
/// </summary>
public sealed class FenceLostException(string district, string operation, string reason)
    : Exception($"{district}: not calling {operation}: this member no longer holds the district ({reason})")
{
    public string District { get; } = district;

    public string Operation { get; } = operation;

    public string Reason { get; } = reason;
}
