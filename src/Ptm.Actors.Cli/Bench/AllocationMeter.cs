namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// Bytes allocated per operation. The operation receives its state explicitly so the caller
/// can pass a static lambda and the meter itself allocates nothing per call.
/// </summary>
internal static class AllocationMeter
{
    /// <summary>
    /// Counts only the calling thread (GC.GetAllocatedBytesForCurrentThread): exact for
    /// synchronous work, blind to work handed to other threads.
    /// </summary>
    public static double BytesPerOperationOnThisThread<TState>(TState state, Action<TState> operation, int operations, int warmUp = 100)
    {
        Check(operations);
        for (var i = 0; i < warmUp; i++) operation(state);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < operations; i++) operation(state);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)operations;
    }

    /// <summary>
    /// Counts every thread (GC.GetTotalAllocatedBytes(precise)): what a message hop between
    /// actors costs, wherever the receiving side runs. Others allocating meanwhile count too.
    /// </summary>
    public static async Task<double> BytesPerOperationProcessWideAsync<TState>(
        TState state, Func<TState, ValueTask> operation, int operations, int warmUp = 100)
    {
        Check(operations);
        for (var i = 0; i < warmUp; i++) await operation(state).ConfigureAwait(false);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < operations; i++) await operation(state).ConfigureAwait(false);
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)operations;
    }

    private static void Check(int operations)
    {
        if (operations < 1) throw new ArgumentOutOfRangeException(nameof(operations), operations, "at least one operation");
    }
}
