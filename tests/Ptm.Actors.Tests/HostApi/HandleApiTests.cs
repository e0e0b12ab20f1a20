using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.HostApi;

/// <summary>The handle API on the ordinary dispatcher, with real awaits: errors carry the errno, cancellation, disposal.</summary>
public class HandleApiTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task C10_the_canonical_sequence_gives_a_working_pair()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        Assert.Equal("/dev/pts/1", await manager.GetSubsidiaryNameAsync());
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        Assert.Equal(1, subsidiary.Minor);
        await manager.WriteAsync("ping"u8.ToArray());
        var buffer = new byte[16];
        Assert.Equal(4, await subsidiary.ReadAsync(buffer));
        await subsidiary.WriteAsync("pong"u8.ToArray());
        Assert.Equal(4, await manager.ReadAsync(buffer));
        Assert.Equal("pong"u8.ToArray(), buffer[..4]);
        Assert.Equal(PollEvents.POLLOUT, await manager.PollAsync());
    }

    [Fact]
    public async Task L6_handle_errors_carry_the_errno_as_a_PtyException()
    {
        await using var system = PtySystem.Create(new PtySystemOptions { MaxPtys = 1 });
        await using var manager = await system.OpenManagerAsync();
        var path = await manager.GetSubsidiaryNameAsync();
        var locked = await Assert.ThrowsAsync<PtyException>(() => system.OpenSubsidiaryAsync(path));
        Assert.Equal(Errno.EAGAIN, locked.Errno);
        var full = await Assert.ThrowsAsync<PtyException>(() => system.OpenManagerAsync());
        Assert.Equal(Errno.ENOMEM, full.Errno); // PD2
        var missing = await Assert.ThrowsAsync<PtyException>(() => system.OpenSubsidiaryAsync("/dev/pts/7"));
        Assert.Equal(Errno.ENOENT, missing.Errno);
        await manager.WriteAsync("x"u8.ToArray()); // D9: locked, returns its count
        var sticky = await Assert.ThrowsAsync<PtyException>(() => manager.WriteAsync("y"u8.ToArray()));
        Assert.Equal(Errno.EINVAL, sticky.Errno);
        Assert.Equal("write", sticky.Operation);
    }

    [Fact]
    public async Task L15_handle_errors_after_hang_up_carry_eio_and_enxio()
    {
        await using var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        await manager.DisposeAsync();
        Assert.Equal(Errno.EIO, (await Assert.ThrowsAsync<PtyException>(() => subsidiary.WriteAsync("x"u8.ToArray()))).Errno);
        Assert.Equal(Errno.ENXIO, (await Assert.ThrowsAsync<PtyException>(() => subsidiary.IoctlAsync(IoctlCommands.TIOCGWINSZ))).Errno);
        Assert.Equal(0, await subsidiary.ReadAsync(new byte[4]));
        Assert.Equal(PollEvents.POLLHUP, await subsidiary.PollAsync());
    }

    [Fact]
    public async Task D19_cancelling_a_blocked_read_throws_operation_canceled()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        using var cancel = new CancellationTokenSource();
        var read = subsidiary.ReadAsync(new byte[8], cancel.Token);
        await system.WhenIdleAsync();
        Assert.False(read.IsCompleted);
        cancel.Cancel();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Safety));
        Assert.Equal(cancel.Token, cancelled.CancellationToken);
        // The stream is unharmed: the next write is read by the next read, nothing went to the cancelled buffer.
        await manager.WriteAsync("after"u8.ToArray());
        var buffer = new byte[8];
        Assert.Equal(5, await subsidiary.ReadAsync(buffer).WaitAsync(Safety));
    }

    [Fact]
    public async Task D14_cancelling_a_blocked_write_returns_what_it_had_accepted()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        using var cancel = new CancellationTokenSource();
        var write = manager.WriteAsync(new byte[100_000], cancel.Token);
        await system.WhenIdleAsync();
        Assert.False(write.IsCompleted);
        cancel.Cancel();
        var accepted = await write.WaitAsync(Safety);
        Assert.InRange(accepted, 1, 3584);
        await manager.DiscardAsync(FlushFlags.FLUSHW); // what it accepted would hold the close's drain for 15 s of wall time (H3)
    }

    [Fact]
    public async Task D14_cancelling_a_blocked_write_that_accepted_nothing_throws_operation_canceled()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        var first = manager.WriteAsync(new byte[100_000]); // fills the path and waits
        await system.WhenIdleAsync();
        using var cancel = new CancellationTokenSource();
        var second = manager.WriteAsync(new byte[10], cancel.Token); // waits behind the first, nothing accepted
        await system.WhenIdleAsync();
        Assert.False(second.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Safety));
        Assert.False(first.IsCompleted);
        await subsidiary.DisposeAsync(); // the first writer stays held (D16, PD5) until the manager flushes
        await manager.DiscardAsync(FlushFlags.FLUSHW);
        Assert.Equal(100_000, await first.WaitAsync(Safety)); // resumed, it met D9: the whole write counts (PD4)
    }

    [Fact]
    public async Task L14_L16_disposing_the_system_closes_every_side_and_ends_pending_calls()
    {
        var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        var subsidiary = await manager.OpenSubsidiaryAsync();
        var other = await system.OpenManagerAsync();
        var pendingRead = subsidiary.ReadAsync(new byte[8]);
        var pendingWrite = manager.WriteAsync(new byte[100_000]);
        await system.WhenIdleAsync();
        Assert.Equal(2, system.AllocatedMinors);
        await system.DisposeAsync().AsTask().WaitAsync(Safety);
        Assert.True(manager.IsClosed && subsidiary.IsClosed && other.IsClosed);
        Assert.Equal(0, system.AllocatedMinors);
        var readOutcome = await Record.ExceptionAsync(() => pendingRead.WaitAsync(Safety));
        Assert.True(readOutcome is null or PtyException, readOutcome?.ToString());
        var writeOutcome = await Record.ExceptionAsync(() => pendingWrite.WaitAsync(Safety));
        Assert.True(writeOutcome is null or PtyException, writeOutcome?.ToString());
        await manager.DisposeAsync(); // harmless after the system is gone
    }

    [Fact]
    public async Task H3_disposing_the_system_ends_a_close_that_is_still_draining()
    {
        var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        var subsidiary = await manager.OpenSubsidiaryAsync();
        var pendingWrite = manager.WriteAsync(new byte[100_000]); // held: nobody reads
        await system.WhenIdleAsync();
        var close = manager.DisposeAsync().AsTask(); // a blocking close: it waits for the output to drain (H3)
        await system.WhenIdleAsync();
        Assert.False(close.IsCompleted);
        await system.DisposeAsync().AsTask().WaitAsync(Safety);
        await close.WaitAsync(Safety);
        Assert.Equal(0, system.AllocatedMinors);
        await Record.ExceptionAsync(() => pendingWrite.WaitAsync(Safety));
        await subsidiary.DisposeAsync();
    }

    [Fact]
    public async Task Calls_after_the_system_is_disposed_throw_ObjectDisposedException()
    {
        var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        var fd = manager.Descriptor;
        await system.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => system.OpenManagerAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => manager.ReadAsync(new byte[4]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => manager.WriteAsync(new byte[4]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => manager.PollAsync());
        Assert.Throws<ObjectDisposedException>(() => { _ = system.Posix.ReadAsync(fd, new byte[4]); });
        Assert.Throws<ObjectDisposedException>(() => { _ = system.Posix.OpenAsync("/dev/ptmx"); });
        Assert.Throws<ObjectDisposedException>(() => { _ = system.Posix.CloseAsync(fd); });
        Assert.Throws<ObjectDisposedException>(() => { _ = system.Posix.PollAsync(fd); });
        await system.DisposeAsync(); // twice is harmless
    }

    [Fact]
    public async Task L9_disposing_a_handle_twice_is_harmless_and_later_calls_fail_ebadf()
    {
        await using var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        await manager.DisposeAsync();
        await manager.DisposeAsync();
        Assert.True(manager.IsClosed);
        Assert.Equal(Errno.EBADF, (await Assert.ThrowsAsync<PtyException>(() => manager.ReadAsync(new byte[4]))).Errno);
        Assert.Equal(Errno.EBADF, (await Assert.ThrowsAsync<PtyException>(() => manager.GetSubsidiaryNameAsync())).Errno);
        Assert.Equal(Errno.EBADF, (await Assert.ThrowsAsync<PtyException>(() => manager.DiscardAsync(FlushFlags.FLUSHRW))).Errno);
        await system.WhenIdleAsync(); // the Clone frees the minor when the stopped manager's Terminated arrives (L16)
        Assert.Equal(0, system.AllocatedMinors);
    }

    [Fact]
    public async Task PD13_a_crash_on_the_ordinary_dispatcher_leaves_the_process_and_other_ptys_working()
    {
        await using var system = PtySystem.Create();
        await using var victim = await system.OpenManagerAsync();
        await using var victimSubsidiary = await victim.OpenSubsidiaryAsync();
        await using var bystander = await system.OpenManagerAsync();
        await using var bystanderSubsidiary = await bystander.OpenSubsidiaryAsync();
        Assert.True(system.Posix.CrashAsync(victim.Descriptor).Result.IsOk);
        Assert.Equal(0, await victimSubsidiary.ReadAsync(new byte[4]).WaitAsync(Safety)); // hung up (L15)
        Assert.Equal(Errno.EIO, (await Assert.ThrowsAsync<PtyException>(() => victim.ReadAsync(new byte[4]))).Errno);
        await bystander.WriteAsync("still here"u8.ToArray());
        var buffer = new byte[32];
        Assert.Equal(10, await bystanderSubsidiary.ReadAsync(buffer).WaitAsync(Safety));
        await using var newcomer = await system.OpenManagerAsync();
        Assert.Equal(3, newcomer.Minor);
    }

    [Fact]
    public async Task PD13_a_crash_ends_a_blocked_handle_read_on_the_crashed_side_with_eio()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        var read = subsidiary.ReadAsync(new byte[4]);
        await system.WhenIdleAsync();
        Assert.False(read.IsCompleted);
        await system.Posix.CrashAsync(subsidiary.Descriptor);
        Assert.Equal(Errno.EIO, (await Assert.ThrowsAsync<PtyException>(() => read.WaitAsync(Safety))).Errno);
        Assert.Equal(0, await manager.ReadAsync(new byte[4]).WaitAsync(Safety)); // L13 once
    }
}
