using Akka.Configuration;
using Akka.Dispatch;

namespace NodeManager.Core.Tests.Support;

/// <summary>
/// The specs' dispatcher executor: the thread pool, counting the runnables queued or running on it. A mailbox with
/// messages is always one such runnable, so a count of zero means no actor has work: virtual time may move on.
/// </summary>
public sealed class CountingExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites)
    : ExecutorServiceConfigurator(config, prerequisites)
{
    private static int _pending;

    /// <summary>Runnables queued or running on every counting executor of the process.</summary>
    public static int Pending => Volatile.Read(ref _pending);

    public override ExecutorService Produce(string id) => new CountingExecutor(id);

    private sealed class CountingExecutor(string id) : ExecutorService(id)
    {
        public override void Execute(IRunnable run)
        {
            Interlocked.Increment(ref _pending);
            ThreadPool.UnsafeQueueUserWorkItem(
                static state =>
                {
                    try
                    {
                        state.Run();
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _pending);
                    }
                },
                run,
                preferLocal: false);
        }

        public override void Shutdown()
        {
        }
    }
}
