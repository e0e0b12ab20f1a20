using Akka.Dispatch;

namespace Ptm.Actors.Runtime;

/// <summary>
/// The lasting half of one chaining dispatcher of one actor system: its busy count and how it
/// queues work. Akka.NET replaces the executor itself whenever the dispatcher has been idle for
/// its shutdown timeout; this outlives those executors (<see cref="DispatcherDrivers"/>).
/// </summary>
internal sealed class ChainingDriver : IDispatcherDriver
{
    public IdleTracker Idle { get; } = new();

    public CompletionMode CompletionMode => CompletionMode.AfterTurn;

    public bool IsDeterministic => false;

    public Task WhenIdleAsync() => Idle.WhenIdleAsync();

    public void ShuttingDown() { } // it never needed driving

    /// <summary>A mailbox run, already counted busy, for a pool thread that will chain what it wakes.</summary>
    public void QueueToPool(IRunnable run) =>
        ThreadPool.UnsafeQueueUserWorkItem(new ChainStart(run, this), preferLocal: false);

    /// <summary>Resumes a caller after the current run on this thread, or on the pool outside a run.</summary>
    public void Complete(IThreadPoolWorkItem completion)
    {
        if (WorkerChain.Current is { } chain && chain.TryDefer(this, completion)) return;
        QueueCounted(completion);
    }

    /// <summary>Queues caller code to the pool, counted busy until it has run.</summary>
    public void QueueCounted(IThreadPoolWorkItem work)
    {
        Idle.Enter();
        ThreadPool.UnsafeQueueUserWorkItem(new CountedWork(work, Idle), preferLocal: false);
    }

    /// <summary>A pool thread's first run; it then runs what that run woke (<see cref="WorkerChain"/>).</summary>
    private sealed class ChainStart(IRunnable run, ChainingDriver driver) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            var chain = WorkerChain.Enter();
            try
            {
                chain.Run(run, driver);
                chain.RunHandOffs();
            }
            finally
            {
                chain.Leave();
            }
        }
    }

    private sealed class CountedWork(IThreadPoolWorkItem work, IdleTracker idle) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                work.Execute();
            }
            finally
            {
                idle.Exit();
            }
        }
    }
}
