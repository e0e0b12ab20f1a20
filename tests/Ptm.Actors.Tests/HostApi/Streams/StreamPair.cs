namespace Ptm.Actors.Tests.HostApi.Streams;

/// <summary>A pty system with one open pair on the ordinary dispatcher, for the stream and pipe tests.</summary>
internal sealed class StreamPair(PtySystem system, ManagerHandle manager, SubsidiaryHandle subsidiary) : IAsyncDisposable
{
    /// <summary>A safety net against hangs, never a barrier.</summary>
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    public PtySystem System => system;
    public ManagerHandle Manager => manager;
    public SubsidiaryHandle Subsidiary => subsidiary;

    public static async Task<StreamPair> OpenAsync(PtySystem? system = null)
    {
        system ??= PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        return new StreamPair(system, manager, await manager.OpenSubsidiaryAsync());
    }

    /// <summary>Everything <paramref name="stream"/> gives until it ends.</summary>
    public static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var all = new MemoryStream();
        await stream.CopyToAsync(all).WaitAsync(Safety);
        return all.ToArray();
    }

    /// <summary>What <paramref name="handle"/> has queued once the system is idle (a held writer's data included).</summary>
    public async Task<byte[]> ReadQueuedAsync(PtyHandle handle)
    {
        using var all = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            await System.WhenIdleAsync().WaitAsync(Safety);
            if ((await handle.PollAsync() & PollEvents.POLLIN) == 0) return all.ToArray();
            var count = await handle.ReadAsync(buffer).WaitAsync(Safety);
            if (count == 0) return all.ToArray();
            all.Write(buffer, 0, count);
        }
    }

    /// <summary>Disposing the system closes both sides without H3's drain wait, whatever a test left queued.</summary>
    public ValueTask DisposeAsync() => System.DisposeAsync();
}
