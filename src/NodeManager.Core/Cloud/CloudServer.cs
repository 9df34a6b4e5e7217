namespace NodeManager.Core.Cloud;

/// <summary>A server as the cloud reports it. <see cref="RawStatus"/> keeps the provider's word (e.g. Nova's "BUILD").</summary>
public sealed record CloudServer(
    string Id,
    string Name,
    CloudServerStatus Status,
    string RawStatus,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Addresses,
    string? Fault = null,
    DateTimeOffset? Created = null);

/// <summary>The states the controller distinguishes; everything else maps to <see cref="Other"/>.</summary>
public enum CloudServerStatus
{
    Building,
    Active,
    Error,
    Deleting,
    Other,
}
