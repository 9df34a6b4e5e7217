namespace NodeManager.Core.Fencing;

/// <summary>
/// Whether this member still drives one district: asked before every change the district makes to the cloud or the
/// platform. In a cluster it is the district's lease (a member paused or cut off past its lease must not act, since
/// another member may already drive the district); a single member always holds it.
/// </summary>
/// <remarks>
/// <see cref="Check"/> is called from actors and from cloud calls in flight: it must answer at once from what the
/// member already knows (no I/O), be safe from any thread, and err towards "lost" when unsure.
/// </remarks>
public interface IDistrictFence
{
    FenceStatus Check();
}
