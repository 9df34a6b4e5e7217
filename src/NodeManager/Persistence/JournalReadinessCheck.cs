using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NodeManager.Persistence;

/// <summary>
/// Part of <c>/ready</c>: the shared PostgreSQL store answers. A member that drives no district writes nothing, so only
/// asking tells it that the database its districts would resume on is gone; asked on every <c>/ready</c>, each time
/// within <c>timeout</c>. A SQLite store is this process's own file: its faults surface as the districts' failed
/// writes, and a check here would contend for its write lock.
/// </summary>
public sealed class JournalReadinessCheck(JournalSettings settings, TimeSpan timeout) : IHealthCheck
{
    /// <summary>The check's name in <c>/ready</c>'s reasons.</summary>
    public const string Name = "journal";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (settings.Journal.Backend != JournalBackend.PostgreSql && settings.SnapshotStore.Backend != JournalBackend.PostgreSql)
        {
            return HealthCheckResult.Healthy("a file of this member's own");
        }

        try
        {
            await JournalProbe.CheckAsync(settings, cancellationToken, timeout);
            return HealthCheckResult.Healthy();
        }
        catch (JournalUnavailableException e)
        {
            // The probe's message names the store and why, never its password.
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
