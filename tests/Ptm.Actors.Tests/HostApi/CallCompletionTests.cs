namespace Ptm.Actors.Tests.HostApi;

/// <summary>
/// How calls complete on the ordinary dispatcher: after the actor's turn, on its thread
/// (CallCompletion). Whatever that saves, a call's Task is still complete before the system is
/// idle, and a caller that blocks where it was resumed still gets its answer.
/// </summary>
public class CallCompletionTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task Every_call_that_can_complete_has_completed_when_the_system_is_idle()
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var (manager, subsidiary) = await OpenPairAsync(posix);
        var read = posix.Read(subsidiary, new byte[8]);
        var write = posix.Write(manager, "hello"u8.ToArray());
        var poll = posix.Poll(manager);
        await system.WhenIdleAsync().WaitAsync(Safety);
        Assert.True(read.IsCompleted && write.IsCompleted && poll.IsCompleted);
        Assert.Equal(5, read.Result.Value);
    }

    [Fact]
    public async Task A_caller_that_blocks_on_a_call_where_it_was_resumed_still_gets_its_answer()
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var (manager, subsidiary) = await OpenPairAsync(posix);
        var blockedRead = await Task.Run(async () =>
        {
            // Resumed after the manager's turn, on its thread: the read's Tell is handed off to
            // that same thread, which then blocks on it (sync over async, as some hosts do).
            (await posix.Write(manager, "x"u8.ToArray())).ValueOrThrow("write");
#pragma warning disable xUnit1031 // blocking on purpose: this is the case under test
            return posix.Read(subsidiary, new byte[4]).Wait(Safety);
#pragma warning restore xUnit1031
        }).WaitAsync(Safety * 2);
        Assert.True(blockedRead, "the read never completed while its caller blocked");
    }

    [Fact]
    public async Task A_host_that_disposes_synchronously_where_a_call_resumed_it_does_not_hang()
    {
        var system = PtySystem.Create();
        var posix = system.Posix;
        var (manager, _) = await OpenPairAsync(posix);
        var disposed = await Task.Run(async () =>
        {
            (await posix.Write(manager, "bye"u8.ToArray())).ValueOrThrow("write");
#pragma warning disable xUnit1031 // blocking on purpose: sync-over-async disposal, as some hosts do
            return system.DisposeAsync().AsTask().Wait(Safety);
#pragma warning restore xUnit1031
        }).WaitAsync(Safety * 2);
        Assert.True(disposed && system.IsDisposed);
    }

    [Fact]
    public async Task A_failed_open_has_forgotten_its_descriptor_when_the_caller_sees_the_failure()
    {
        await using var system = PtySystem.Create(new PtySystemOptions { MaxPtys = 1 });
        var posix = system.Posix;
        var manager = (int)(await posix.posix_openpt(OpenFlags.NoCtty)).ValueOrThrow("posix_openpt");
        var held = posix.HeldDescriptors;
        var locked = await posix.Open((await posix.ptsname(manager)).Text!); // L6: still locked
        Assert.Equal(held, posix.HeldDescriptors);
        var full = await posix.posix_openpt(OpenFlags.NoCtty); // PD2: no pty left
        Assert.Equal(held, posix.HeldDescriptors);
        Assert.Equal((Errno.EAGAIN, Errno.ENOMEM), (locked.Errno, full.Errno));
    }

    private static async Task<(int Manager, int Subsidiary)> OpenPairAsync(PosixApi posix)
    {
        var manager = (int)(await posix.posix_openpt(OpenFlags.NoCtty)).ValueOrThrow("posix_openpt");
        (await posix.grantpt(manager)).ValueOrThrow("grantpt");
        (await posix.unlockpt(manager)).ValueOrThrow("unlockpt");
        var name = (await posix.ptsname(manager)).Text!;
        return (manager, (int)(await posix.Open(name, OpenFlags.NoCtty)).ValueOrThrow("open"));
    }
}
