using System.Data.Common;
using BenchmarkDotNet.Attributes;
using NodeManager.Actors.Persistence;
using NodeManager.Persistence.Sql;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// Appends per second through the journal (many callers, one event each, coalesced by the batching writer) against a
/// raw loop of prepared INSERTs committed every <see cref="BatchSize"/> rows into the same table. Target: Ratio ≤ 2
/// (the journal at least half as fast as the raw loop).
/// </summary>
public class JournalWriteBenchmark : StoreBenchmark
{
    private const int Events = 1_000;
    private const int BatchSize = 100;

    private SqlJournal _journal = null!;
    private StoreSettings _settings = null!;
    private byte[] _payload = [];
    private int _round;

    protected override async Task SetupAsync()
    {
        _settings = BenchmarkStores.Journal(Store, Scope) with { BatchSize = BatchSize };
        _journal = new SqlJournal(_settings);
        _payload = """{"name":"node-17","flavor":"m1.large","image":"paas-node-2026.11"}"""u8.ToArray();
        await _journal.ReadHighestSequenceNrAsync("warm-up");
    }

    protected override async Task CleanupAsync()
    {
        await _journal.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task RawBatchedInsertLoop()
    {
        var round = ++_round;
        await using var connection = Connect();
        await connection.OpenAsync();
        for (var start = 0; start < Events; start += BatchSize)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {Table} (persistence_id, sequence_number, deleted, created, manifest, message, writer_uuid) " +
                                 "VALUES (@pid, @seq, FALSE, @created, @manifest, @message, @writer)";
            var pid = Add(insert, "pid");
            var seq = Add(insert, "seq");
            Add(insert, "created").Value = 0L;
            Add(insert, "manifest").Value = "bench.event.v1";
            Add(insert, "message").Value = _payload;
            Add(insert, "writer").Value = "raw";
            for (var i = start; i < start + BatchSize; i++)
            {
                pid.Value = $"raw-{round}-{i}";
                seq.Value = 1L;
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task JournalFromManyWriters()
    {
        var round = ++_round;
        var writes = new Task<IReadOnlyList<Exception?>>[Events];
        for (var i = 0; i < Events; i++)
        {
            writes[i] = _journal.WriteMessagesAsync(
                [new AtomicWrite(new PersistentRepr($"journal-{round}-{i}", 1, "bench.event.v1", _payload, "journal"))]);
        }

        foreach (var results in await Task.WhenAll(writes))
        {
            if (results[0] is { } error)
                throw error;
        }
    }

    private string Table => Store == PersistencePlugin.PostgreSql ? $"\"{Scope}\".\"journal\"" : "\"journal\"";

    private DbConnection Connect() => Store == PersistencePlugin.PostgreSql
        ? new Npgsql.NpgsqlConnection(_settings.ConnectionString)
        : new Microsoft.Data.Sqlite.SqliteConnection(_settings.ConnectionString);

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
