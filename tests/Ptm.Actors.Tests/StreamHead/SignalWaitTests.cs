using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// Waiting signal takes (M4.5): every caller waiting when a signal is recorded gets it, a
/// caller that stopped waiting gets nothing and takes nothing from the others, and a signal
/// recorded after the waiters were answered waits for the next take.
/// </summary>
public class SignalWaitTests
{
    [Fact]
    public void M4_5_every_waiting_take_gets_the_next_signal()
    {
        using var pty = new DeterministicPty();
        var (m, s) = TerminalPair(pty);
        var first = pty.Posix.WaitSignalsAsync(s);
        var second = pty.Posix.WaitSignalsAsync(s);
        pty.Settle();
        Assert.False(first.IsCompleted, pty.At("nothing is recorded yet"));
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(24, 80)));
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(first, "the first waiter").Signals);
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(second, "the second waiter").Signals);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void M4_5_a_signal_recorded_after_the_waiters_were_answered_waits_for_the_next_take()
    {
        using var pty = new DeterministicPty();
        var (m, s) = TerminalPair(pty);
        var waiting = pty.Posix.WaitSignalsAsync(s);
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(24, 80)));
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(waiting).Signals);
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(25, 80)));
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(waiting).Signals); // the answered waiter keeps what it got
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void M4_5_a_cancelled_wait_takes_nothing_from_the_next_caller()
    {
        using var pty = new DeterministicPty();
        var (m, s) = TerminalPair(pty);
        var gaveUp = GiveUpWaiting(pty, s);
        Assert.Equal(Errno.EINTR, pty.Settled(gaveUp).Result.Errno);
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(24, 80)));
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals); // recorded, not lost to the caller who left
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void M4_5_a_live_waiter_behind_a_cancelled_one_gets_the_signal_and_waiters_fail_ebadf_at_close()
    {
        using var pty = new DeterministicPty();
        var (m, s) = TerminalPair(pty);
        var gaveUp = GiveUpWaiting(pty, s);
        var live = pty.Posix.WaitSignalsAsync(s);
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(24, 80)));
        Assert.Equal(Errno.EINTR, pty.Settled(gaveUp).Result.Errno);
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(live).Signals);
        var first = pty.Posix.WaitSignalsAsync(s);
        var second = pty.Posix.WaitSignalsAsync(s);
        pty.Close(s);
        Assert.Equal(Errno.EBADF, pty.Settled(first).Result.Errno);
        Assert.Equal(Errno.EBADF, pty.Settled(second).Result.Errno);
        pty.CloseAllAndCheckClean(m);
    }

    /// <summary>A pair whose subsidiary is a terminal (ptem): a window size set on the manager raises SIGWINCH there (M3.8).</summary>
    private static (int Manager, int Subsidiary) TerminalPair(DeterministicPty pty)
    {
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        return (m, s);
    }

    /// <summary>A waiting take whose caller gives up (EINTR) once the side holds it.</summary>
    private static Task<(SysResult Result, IReadOnlyList<Signal> Signals)> GiveUpWaiting(DeterministicPty pty, int subsidiary)
    {
        using var cancel = new CancellationTokenSource();
        var wait = pty.Posix.WaitSignalsAsync(subsidiary, cancellationToken: cancel.Token);
        pty.Settle();
        cancel.Cancel();
        return wait;
    }
}
