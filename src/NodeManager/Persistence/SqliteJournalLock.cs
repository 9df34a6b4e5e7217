using System.Globalization;
using System.Text;

namespace NodeManager.Persistence;

/// <summary>
/// Keeps a second process off a SQLite journal: an exclusive lock on <c>&lt;database&gt;.lock</c> beside the file,
/// held until <see cref="Dispose"/> or the process's end (the operating system releases it even after a crash). The
/// lock file stays behind; it holds the last owner's process id for an operator to read. Take it before the actor
/// system starts; take it once per process.
/// </summary>
public sealed class SqliteJournalLock : IDisposable
{
    private readonly List<FileStream> _held;

    private SqliteJournalLock(List<FileStream> held, IReadOnlyList<string> databases)
    {
        _held = held;
        Databases = databases;
    }

    /// <summary>The SQLite database files this lock keeps to this process.</summary>
    public IReadOnlyList<string> Databases { get; }

    /// <summary>
    /// Locks every SQLite file the settings use (journal and snapshot store); null when neither is SQLite. Creates the
    /// files' folders when missing, as SQLite would on first use.
    /// </summary>
    /// <exception cref="JournalUnavailableException">another process holds one of the files, or its folder cannot be written.</exception>
    public static SqliteJournalLock? AcquireFor(JournalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var databases = new[] { settings.Journal, settings.SnapshotStore }
            .Where(s => s.Backend == JournalBackend.Sqlite)
            .Select(s => s.SqlitePath)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return databases.Count == 0 ? null : Acquire(databases);
    }

    /// <inheritdoc cref="AcquireFor"/>
    public static SqliteJournalLock Acquire(params IReadOnlyList<string> databasePaths)
    {
        ArgumentNullException.ThrowIfNull(databasePaths);
        var databases = databasePaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        var held = new List<FileStream>();
        try
        {
            foreach (var database in databases)
                held.Add(Lock(database));
        }
        catch
        {
            foreach (var stream in held)
                stream.Dispose();
            throw;
        }

        return new SqliteJournalLock(held, databases);
    }

    public void Dispose()
    {
        foreach (var stream in _held)
            stream.Dispose();
        _held.Clear();
    }

    private static FileStream Lock(string database)
    {
        var lockFile = database + ".lock";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalUnavailableException(
                $"Cannot use the SQLite journal {database}: its folder cannot be created ({e.Message}).", e);
        }

        FileStream stream;
        try
        {
            // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: a second open fails at once.
            stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(lockFile))
        {
            throw new JournalUnavailableException(
                $"The SQLite journal {database} is in use by another NodeManager process (it holds {lockFile}, which names " +
                "its process id). A SQLite journal serves one process: stop the other one, give this one another file, " +
                "or use PostgreSQL to run several members.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalUnavailableException(
                $"Cannot use the SQLite journal {database}: its lock file {lockFile} cannot be created ({e.Message}).", e);
        }

        try
        {
            var owner = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:O}\n"));
            stream.SetLength(0);
            stream.Write(owner);
            stream.Flush(flushToDisk: false);
        }
        catch (IOException)
        {
            // The owner line is for an operator's eyes only; holding the lock is what counts.
        }

        return stream;
    }
}
