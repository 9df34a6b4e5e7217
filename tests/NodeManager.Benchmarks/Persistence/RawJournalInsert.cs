using System.Data.Common;
using NodeManager.Core.Serialization;
using NodeManager.Persistence;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// The baseline of the write suites: rows put into the journal table with plain ADO.NET, <c>batch-size</c> rows per
/// transaction (the product's journal batch), on PostgreSQL as one <see cref="DbBatch"/> per transaction (one round
/// trip), on SQLite as a prepared INSERT per row (in process, there is no round trip to save). The same columns as
/// Akka.Persistence.Sql writes, into the same table with the same indexes.
/// </summary>
public static class RawJournalInsert
{
    private const string Columns = "persistence_id, sequence_number, deleted, created, message, identifier, manifest, writer_uuid";
    private const string Values = "@pid, @seq, @deleted, @created, @message, @identifier, @manifest, @writer";
    private static readonly string Writer = Guid.NewGuid().ToString();

    public static async Task InsertAsync(JournalSettings settings, IReadOnlyList<JournalRow> rows)
    {
        var sql = $"INSERT INTO {BenchmarkStores.JournalTable(settings)} ({Columns}) VALUES ({Values})";
        var batchSize = settings.Journal.BatchSize;
        var created = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var connection = BenchmarkStores.Connect(settings);
        await connection.OpenAsync();
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var end = Math.Min(start + batchSize, rows.Count);
            await using var transaction = await connection.BeginTransactionAsync();
            if (connection.CanCreateBatch)
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                for (var i = start; i < end; i++)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    Bind(command.Parameters, () => command.CreateParameter(), rows[i], created);
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync();
            }
            else
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                Bind(command.Parameters, command.CreateParameter, rows[start], created);
                for (var i = start; i < end; i++)
                {
                    command.Parameters["pid"].Value = rows[i].PersistenceId;
                    command.Parameters["seq"].Value = rows[i].SequenceNr;
                    command.Parameters["message"].Value = rows[i].Message;
                    command.Parameters["manifest"].Value = rows[i].Manifest;
                    await command.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }
    }

    private static void Bind(DbParameterCollection parameters, Func<DbParameter> create, JournalRow row, long created)
    {
        Add("pid", row.PersistenceId);
        Add("seq", row.SequenceNr);
        Add("deleted", false);
        Add("created", created);
        Add("message", row.Message);
        Add("identifier", ProductSerializer.SerializerIdentifier);
        Add("manifest", row.Manifest);
        Add("writer", Writer);

        void Add(string name, object value)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = value;
            parameters.Add(parameter);
        }
    }

    /// <summary>The rows a persistence id has in the journal, in order: what the actors really wrote.</summary>
    public static async Task<IReadOnlyList<JournalRow>> ReadAsync(JournalSettings settings, string persistenceId)
    {
        await using var connection = BenchmarkStores.Connect(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sequence_number, manifest, message FROM {BenchmarkStores.JournalTable(settings)} " +
                              "WHERE persistence_id = @pid ORDER BY sequence_number";
        var pid = command.CreateParameter();
        pid.ParameterName = "pid";
        pid.Value = persistenceId;
        command.Parameters.Add(pid);
        var rows = new List<JournalRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new JournalRow(persistenceId, reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        return rows;
    }
}
