using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.HostApi;

/// <summary>
/// Cancellation, .NET-shaped on the handle API (OperationCanceledException, including a token
/// cancelled before the call) and C-shaped on the POSIX facade (EINTR, as a signal would).
/// </summary>
public class CancellationTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task Every_handle_call_throws_operation_canceled_when_its_token_is_already_cancelled()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        var cancelled = new CancellationToken(canceled: true);
        var calls = new Func<Task>[]
        {
            () => system.OpenManagerAsync(cancellationToken: cancelled),
            () => system.OpenSubsidiaryAsync("/dev/pts/1", cancellationToken: cancelled),
            () => system.OpenTerminalAsync(cancellationToken: cancelled),
            () => manager.OpenSubsidiaryAsync(cancellationToken: cancelled),
            () => manager.GrantAsync(cancelled),
            () => manager.UnlockAsync(cancelled),
            () => manager.GetSubsidiaryNameAsync(cancelled),
            () => subsidiary.ReadAsync(new byte[8], cancelled),
            () => manager.WriteAsync(new byte[8], cancelled),
            () => manager.PollAsync(cancelled),
            () => manager.DiscardAsync(FlushFlags.FLUSHRW, cancelled),
            () => manager.IoctlAsync(IoctlCommands.ISPTM, null, cancelled),
            () => subsidiary.PushAsync("ptem", cancelled),
            () => subsidiary.PopAsync(cancelled),
            () => subsidiary.ListModulesAsync(cancelled),
            () => subsidiary.GetTermiosAsync(cancelled),
            () => subsidiary.SetTermiosAsync(Termios.Default, TerminalChange.Now, cancelled),
            () => subsidiary.GetWindowSizeAsync(cancelled),
            () => subsidiary.ResizeAsync(24, 80, cancelled),
            () => subsidiary.IsTerminalAsync(cancelled),
        };
        foreach (var call in calls) await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
        Assert.Equal(1, system.AllocatedMinors); // nothing was opened, nothing was written
        Assert.Equal(PollEvents.POLLOUT, await manager.PollAsync());
        Assert.Empty(await subsidiary.ListModulesAsync());
    }

    [Fact]
    public async Task A_cancelled_ioctl_that_waits_throws_operation_canceled()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        await subsidiary.PushAsync("ptem");
        await subsidiary.PushAsync("ldterm");
        var filled = await manager.WriteAsync(new byte[100], default); // ldterm holds input while no line is complete
        Assert.Equal(100, filled);
        using var cancel = new CancellationTokenSource();
        var read = subsidiary.ReadAsync(new byte[8], cancel.Token); // canonical mode: no newline yet, so it waits
        await system.WhenIdleAsync();
        Assert.False(read.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Safety));
    }

    [Fact]
    public void The_facade_reports_a_cancelled_read_as_eintr()
    {
        using var pty = new DeterministicPty();
        var (_, s) = pty.OpenPair();
        using var cancel = new CancellationTokenSource();
        var read = pty.Posix.ReadAsync(s, new byte[8], cancellationToken: cancel.Token);
        pty.Settle();
        Assert.False(read.IsCompleted);
        cancel.Cancel();
        Assert.Equal(Errno.EINTR, pty.Settle(read).Errno);
    }

    [Fact]
    public void H3_cancelling_a_close_ends_its_wait_for_the_drain_and_the_descriptor_is_gone()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        using var stopWriting = new CancellationTokenSource();
        var write = pty.Posix.WriteAsync(m, new byte[100_000], cancellationToken: stopWriting.Token); // fills the path to the unread subsidiary
        pty.Settle();
        stopWriting.Cancel();
        Assert.True(pty.Ok(write) > 0);
        using var stopWaiting = new CancellationTokenSource();
        var handle = pty.Posix.HandleOf(m);
        var close = handle.CloseAsync(stopWaiting.Token);
        pty.Settle();
        Assert.False(close.IsCompleted); // H3: the close waits for the queued output to drain
        Assert.True(handle.IsClosed);
        pty.Fails(Errno.EBADF, pty.Posix.WriteAsync(m, new byte[1]));
        stopWaiting.Cancel();
        pty.Settle(); // the virtual clock stands still: the close cannot be ending by H3's 15 s
        Assert.True(((Task)close).ContinueWith(_ => { }).Wait(Safety)); // its async continuation runs on the pool
        Assert.True(close.IsCanceled, $"the cancelled close throws OperationCanceledException ({close.Status})");
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLHUP, pty.Poll(s) & (PollEvents.POLLIN | PollEvents.POLLHUP)); // the manager's close ran: L14
    }

    [Fact]
    public async Task A_failed_call_reads_as_a_sentence_with_the_errno()
    {
        await using var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        await manager.DisposeAsync();
        var failure = await Assert.ThrowsAsync<PtyException>(() => manager.ReadAsync(new byte[1]));
        Assert.Equal("read failed: bad file descriptor (EBADF)", failure.Message);
        Assert.Equal("interrupted", PtyException.Describe(Errno.EINTR));
        Assert.All(Enum.GetValues<Errno>(), errno => Assert.DoesNotContain("error ", PtyException.Describe(errno)));
    }
}

/// <summary>An open whose caller stopped waiting must not leave a pty nobody holds (L16: the minor comes back).</summary>
public class CancelledOpenTests
{
    [Fact]
    public void A_facade_open_with_a_cancelled_token_fails_eintr_and_allocates_nothing()
    {
        using var pty = new DeterministicPty();
        var cancelled = new CancellationToken(canceled: true);
        pty.Fails(Errno.EINTR, pty.Posix.OpenManagerAsync(cancellationToken: cancelled));
        var m = pty.OpenUnlockedManager();
        pty.Fails(Errno.EINTR, pty.Posix.OpenAsync(pty.PathOf(m), cancellationToken: cancelled));
        Assert.Equal(1, pty.System.AllocatedMinors);
        pty.Close(m);
        Assert.Equal(0, pty.System.AllocatedMinors);
    }

    [Fact]
    public async Task A_cancelled_open_leaves_nothing_open_wherever_the_cancel_lands()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await manager.GrantAsync();
        await manager.UnlockAsync();
        var path = await manager.GetSubsidiaryNameAsync();
        for (var i = 0; i < 1200; i++)
        {
            using var cancel = new CancellationTokenSource();
            var open = i % 2 == 0 ? system.Posix.OpenManagerAsync(cancellationToken: cancel.Token) : system.Posix.OpenAsync(path, cancellationToken: cancel.Token);
            Thread.SpinWait(i % 50 * 20); // cancels land before, during and after the actors' work
            cancel.Cancel();
            var result = await open;
            if (result.IsOk) await system.Posix.CloseAsync((int)result.Value); // it won the race: the caller holds it
        }
        await system.WhenIdleAsync();
        Assert.Equal(1, system.AllocatedMinors); // only the first manager's pty
        await manager.DisposeAsync();
        await system.WhenIdleAsync();
        Assert.Equal(0, system.AllocatedMinors);
    }
}
