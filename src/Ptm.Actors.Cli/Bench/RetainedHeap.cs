namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// Managed heap retained per object: settle the heap, create N things held alive, settle
/// again, divide the growth by N. The holding array exists before the first reading, so its
/// slots are not charged to the objects. For bytes_per_idle_actor and bytes_per_idle_pair.
/// GC.GetTotalMemory counts the whole process, so anything else allocating meanwhile (other
/// threads, timers) shows up too: use large N and keep the process otherwise quiet.
/// </summary>
internal static class RetainedHeap
{
    public static double BytesPerObject<T>(int count, Func<int, T> create, Action<T>? release = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one object");
        var held = new T[count];
        var before = SettledHeapBytes();
        for (var i = 0; i < held.Length; i++) held[i] = create(i);
        var after = SettledHeapBytes();
        GC.KeepAlive(held);
        if (release is not null) foreach (var item in held) release(item);
        return (after - before) / (double)count;
    }

    /// <summary>
    /// As <see cref="BytesPerObject{T}"/>, for things created asynchronously (an actor whose
    /// start must be awaited); <paramref name="settle"/> runs after the last creation and
    /// before the second reading, e.g. to wait until every actor is idle.
    /// </summary>
    public static async Task<double> BytesPerObjectAsync<T>(
        int count, Func<int, ValueTask<T>> create, Func<ValueTask>? settle = null, Func<T, ValueTask>? release = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one object");
        var held = new T[count];
        var before = SettledHeapBytes();
        for (var i = 0; i < held.Length; i++) held[i] = await create(i).ConfigureAwait(false);
        if (settle is not null) await settle().ConfigureAwait(false);
        var after = SettledHeapBytes();
        GC.KeepAlive(held);
        if (release is not null) foreach (var item in held) await release(item).ConfigureAwait(false);
        return (after - before) / (double)count;
    }

    /// <summary>Three full collections with finalizers in between, so only live objects remain.</summary>
    public static long SettledHeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
