using System.Data.Common;
using LinqToDB.Interceptors;

namespace NodeManager.Persistence;

/// <summary>
/// Makes every asynchronous open of a SQLite connection yield to the thread pool before it opens. Microsoft.Data.Sqlite
/// does all its work synchronously, also behind its async methods, so without the yield Akka.Persistence.Sql's calls ran
/// to their end where they were made: every recovery's query on the journal actor's one thread, and every batch write
/// inside the write queue's stream stage, which then found its write already done, asked for the next at once and so
/// wrote each event in a transaction of its own while ten thousand others waited. With the yield the store work runs on
/// the thread pool, the journal actor stays free, and the queue batches what arrives during a write.
/// </summary>
public sealed class SqliteAsyncOpen : ConnectionInterceptor
{
    public static readonly SqliteAsyncOpen Instance = new();

    private SqliteAsyncOpen()
    {
    }

    public override async Task ConnectionOpeningAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken) =>
        await Task.Yield();
}
