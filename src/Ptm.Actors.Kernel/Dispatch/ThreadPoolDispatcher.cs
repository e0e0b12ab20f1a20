namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>Queues each scheduled mailbox to the .NET ThreadPool as an IThreadPoolWorkItem (no closure, no Task).</summary>
internal sealed class ThreadPoolDispatcher(int throughput) : IDispatcher
{
    public int Throughput { get; } = throughput;

    public bool IsDeterministic => false;

    public void Schedule(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
