using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Actors;
using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Sql;

/// <summary>Creates the configured journal and snapshot store and wires them into an actor system.</summary>
public static partial class PersistenceStores
{
    public static IJournal CreateJournal(StoreSettings settings, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Plugin == PersistencePlugin.InMemory
            ? new InMemoryJournal(timeProvider)
            : new SqlJournal(settings, timeProvider, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqlJournal>());
    }

    public static ISnapshotStore CreateSnapshotStore(StoreSettings settings, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Plugin == PersistencePlugin.InMemory
            ? new InMemorySnapshotStore(timeProvider)
            : new SqlSnapshotStore(settings, timeProvider, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqlSnapshotStore>());
    }

    /// <summary>
    /// Creates the stores <paramref name="settings"/> name (on the system's clock and loggers), registers a
    /// <see cref="PersistenceExtension"/> on <paramref name="system"/> and closes the stores once the system has
    /// terminated. Nothing touches the database until the first persistent actor starts.
    /// </summary>
    /// <exception cref="InvalidOperationException">a PersistenceExtension is already registered.</exception>
    public static PersistenceExtension AddPersistence(
        this ActorSystem system, PersistenceSettings settings, EventTypeRegistry registry, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        if (system.TryGetExtension<PersistenceExtension>(out _))
            throw new InvalidOperationException($"Actor system [{system.Name}] already has a PersistenceExtension.");

        var extension = new PersistenceExtension(
            CreateJournal(settings.Journal, system.TimeProvider, system.LoggerFactory),
            CreateSnapshotStore(settings.SnapshotStore, system.TimeProvider, system.LoggerFactory),
            new EventSerializer(registry, jsonOptions),
            settings.ToOptions());
        system.RegisterExtension(extension);
        var log = system.LoggerFactory.CreateLogger(typeof(PersistenceStores));
        LogWired(log, settings.ToString());
        _ = system.WhenTerminated.ContinueWith(
            async _ =>
            {
                try
                {
                    await extension.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    LogCloseFailed(log, e);
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        return extension;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Persistence: {Settings}")]
    private static partial void LogWired(ILogger logger, string settings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the persistence stores failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);
}
