using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// R9: an ioctl held on a driver's write queue behind flow-controlled output is NAKed when the
/// stream loses its peer, by the hang-up (D12) or by the manager's own close (L14), and never
/// left waiting.
/// </summary>
public sealed class QueuedIoctlsAtPeerLossTests
{
    private static readonly int TIOCGWINSZ = IoctlCommands.TIOCGWINSZ;

    [Fact]
    public void A_subsidiary_ioctl_held_behind_output_fails_einval_when_the_manager_closes()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Fill(subsidiary, 's'); // the manager never reads: pts's queue holds the rest (D13, D14)
        var held = pty.Posix.IoctlAsync(subsidiary, TIOCGWINSZ); // D8: queued behind the data, for the manager's head
        pty.Settle();
        Assert.False(held.IsCompleted, pty.At("the ioctl should wait behind the held output (D8, H5)"));

        pty.Close(manager); // L14: the hang-up; ptswsrv then NAKs what is queued, error 0 (D12, R9)
        Assert.Equal(Errno.EINVAL, pty.Done(held, "held subsidiary ioctl").Errno);
        Assert.Equal(Errno.ENXIO, pty.Settle(pty.Posix.IoctlAsync(subsidiary, TIOCGWINSZ)).Errno); // L15: later ones see the hang-up
        pty.CloseAllAndCheckClean(subsidiary);
    }

    [Fact]
    public void A_manager_ioctl_held_behind_output_fails_einval_when_the_manager_closes_without_waiting()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Fill(manager, 'm'); // the subsidiary never reads: ptm's queue holds the rest
        var held = pty.Posix.IoctlAsync(manager, TIOCGWINSZ); // D7: queued behind the data
        pty.Settle();
        Assert.False(held.IsCompleted, pty.At("the ioctl should wait behind the held output (D7, H5)"));

        // A non-blocking close does not wait (H3): ptmclose discards the queue and NAKs its ioctls (L14, R9).
        pty.Close(manager);
        Assert.Equal(Errno.EINVAL, pty.Done(held, "held manager ioctl").Errno);
        pty.CloseAllAndCheckClean(subsidiary);
    }
}
