using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// PD5, D16: output the manager queued for a subsidiary that has closed stays held, and so do
/// ioctls queued behind it, even once a new subsidiary opens: only a flush or the manager's
/// close moves them (the close NAKs the ioctls, R9).
/// </summary>
public sealed class HeldOutputAfterSubsidiaryCloseTests
{
    [Fact]
    public void A_manager_ioctl_queued_after_a_new_subsidiary_opened_does_not_release_the_old_held_output()
    {
        using var pty = new DeterministicPty();
        var (manager, old) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var path = pty.PathOf(manager);
        pty.Fill(manager, 'o'); // the old subsidiary never reads: ptm's queue holds the rest (D13)
        pty.Close(old);
        Assert.Equal("", pty.ReadNow(manager)); // its EOF (L13)

        var fresh = pty.OpenSubsidiary(path, OpenFlags.NonBlock);
        // D7: queued behind the held output; putting it on ptm's queue must not run ptm's service (PD5).
        var ioctl = pty.Posix.IoctlAsync(manager, IoctlCommands.TIOCGWINSZ);
        pty.Settle();
        Assert.Null(pty.ReadNow(fresh)); // nothing written for the old subsidiary reaches the new one
        Assert.False(ioctl.IsCompleted, pty.At("the ioctl should stay held behind the old output (PD5)"));

        // Only the manager's close moves it (the flush of PD5 is an ioctl too, and would wait behind it, H5):
        // ptmclose NAKs what is still queued (L14, R9).
        pty.Close(manager);
        Assert.Equal(Errno.EINVAL, pty.Done(ioctl, "held ioctl").Errno);
        pty.CloseAllAndCheckClean(fresh);
    }
}
