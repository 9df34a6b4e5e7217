namespace NodeManager.OpenStack.Compute;

/// <summary>A volume attached to a server, keyed on <see cref="VolumeId"/> (attachment <c>id</c> is gone from 2.89).</summary>
public sealed record VolumeAttachment(string VolumeId, string ServerId, string? Device, string? AttachmentId);
