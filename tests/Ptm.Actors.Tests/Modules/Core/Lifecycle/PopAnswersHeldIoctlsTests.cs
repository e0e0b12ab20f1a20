using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.CoreLifecycle;

/// <summary>
/// What a module holds when it is popped (M4.2, qdetach): data is freed, an ioctl is NAKed EINVAL
/// towards whoever sent it so its caller is answered (R9), and any other message goes on its way.
/// </summary>
public sealed class PopAnswersHeldIoctlsTests
{
    [Fact]
    public void An_ioctl_held_on_the_write_side_is_nakked_to_its_caller_at_the_last_close()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        new LifecycleProbe { Holding = true }.PushOn(pty, s);
        var drainAndSet = pty.Posix.IoctlAsync(s, IoctlCommands.TCSETSW); // waits behind the stopped output (M3.6)
        pty.Settle();
        Assert.False(drainAndSet.IsCompleted);
        pty.Close(s); // the last close pops the module first (M4.2), before the head fails what is left EBADF
        Assert.Equal(Errno.EINVAL, pty.Done(drainAndSet, "TCSETSW").Errno);
        pty.CloseAllAndCheckClean(m);
    }

    [Fact]
    public void A_manager_ioctl_and_a_signal_held_on_the_read_side_go_on_at_a_pop_and_the_data_is_freed()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        new LifecycleProbe(readMarks: new WaterMarks(64 * 1024, 1024)).PushOn(pty, s); // room for what the head refuses
        const int Written = 8 * 512;
        for (var i = 0; i < Written / 512; i++) pty.Write(m, Bytes.Repeat('x', 512)); // the subsidiary does not read
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(24, 80))); // ptem answers it and sends M_SIG up behind the data
        var isatty = pty.Posix.IsTerminalAsync(m); // forwarded (D7): waits behind the data for the subsidiary head's NAK
        pty.Settle();
        Assert.False(isatty.IsCompleted, pty.At("the forwarded TCGETA should wait in the module behind the data"));
        pty.Ok(pty.Posix.PopAsync(s), "I_POP");
        Assert.Equal(0, pty.Ok(isatty, "isatty on the manager")); // NAKed back down (R9, M4.4)
        Assert.InRange(pty.Drain(s).Length, 1, Written - 1); // what the head held; the module's share was freed
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals); // the M_SIG went on up
        pty.CloseAllAndCheckClean(m, s);
    }
}
