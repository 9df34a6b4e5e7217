using NodeManager.Actors.Persistence;
using NodeManager.Persistence.Sql;

namespace NodeManager.Persistence.Tests.Sql;

public sealed class BatchingWriterSpec
{
    private readonly List<int> _batchSizes = [];
    private readonly TaskCompletionSource _firstBatchMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstBatchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Batching_writer_must_coalesce_callers_that_queue_up_behind_a_running_batch()
    {
        await using var writer = new BatchingWriter(100, WriteAsync);
        var first = writer.EnqueueAsync([Write("first", 1)], CancellationToken.None);
        await _firstBatchStarted.Task;

        var queued = Enumerable.Range(0, 250).Select(i => writer.EnqueueAsync([Write($"queued-{i}", 1)], CancellationToken.None)).ToList();
        _firstBatchMayFinish.SetResult();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal([1, 100, 100, 50], _batchSizes);
    }

    [Fact]
    public async Task Batching_writer_must_give_each_caller_the_results_of_its_own_writes_and_never_split_a_request()
    {
        _firstBatchMayFinish.SetResult();
        await using var writer = new BatchingWriter(4, WriteAsync);
        var first = writer.EnqueueAsync([Write("ok", 1)], CancellationToken.None);
        await first;

        var requests = Enumerable.Range(0, 5)
            .Select(i => writer.EnqueueAsync([Write($"ok-{i}", 1), Write($"refuse-{i}", 1), Write($"ok-{i}", 2)], CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(requests);

        Assert.All(results, r =>
        {
            Assert.Equal(3, r.Count);
            Assert.Null(r[0]);
            Assert.IsType<WritePreconditionFailedException>(r[1]);
            Assert.Null(r[2]);
        });
        Assert.All(_batchSizes.Skip(1), size => Assert.Equal(0, size % 3));
    }

    [Fact]
    public async Task Batching_writer_must_fail_every_caller_of_a_batch_whose_transaction_failed()
    {
        _firstBatchMayFinish.SetResult();
        await using var writer = new BatchingWriter(10, (_, _) => throw new InvalidOperationException("connection lost"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.EnqueueAsync([Write("a", 1)], CancellationToken.None));
        var next = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.EnqueueAsync([Write("b", 1)], CancellationToken.None));

        Assert.Equal("connection lost", error.Message);
        Assert.Equal("connection lost", next.Message);
    }

    private async Task<IReadOnlyList<Exception?>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        lock (_batchSizes)
            _batchSizes.Add(writes.Count);
        _firstBatchStarted.TrySetResult();
        await _firstBatchMayFinish.Task;
        return writes.Select(w => w.PersistenceId.StartsWith("refuse", StringComparison.Ordinal)
            ? new WritePreconditionFailedException(w.PersistenceId, w.LowestSequenceNr, "test")
            : (Exception?)null).ToList();
    }

    private static AtomicWrite Write(string pid, long sequenceNr) =>
        new(new PersistentRepr(pid, sequenceNr, "test.event.v1", [1]));
}
