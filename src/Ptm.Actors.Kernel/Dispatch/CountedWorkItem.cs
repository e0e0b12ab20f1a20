namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>Work queued to the ThreadPool that keeps its system busy (not idle) until it has run.</summary>
internal sealed class CountedWorkItem(IThreadPoolWorkItem work, IdleTracker idle) : IThreadPoolWorkItem
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
