using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// C6: grantpt reports any failure of its OWNERPT as EACCES, even when the ISPTM check before
/// it passed. With pckt pushed the two ioctls are separate trips down the stream, and a write
/// error stored in between (D9, H1) fails the OWNERPT.
/// </summary>
public sealed class GrantRacingWriteErrorTests
{
    [Fact]
    public void Grantpt_whose_ownerpt_meets_a_stored_write_error_fails_eacces()
    {
        using var pty = new DeterministicPty();
        var manager = pty.OpenManager(); // locked: a write is answered with M_ERROR (D9)
        pty.Ok(pty.Posix.PushAsync(manager, "pckt"));
        var grant = pty.Posix.GrantAsync(manager); // ISPTM goes down through pckt first (C2)
        var write = pty.StartWrite(manager, "x"); // its M_ERROR comes up behind the ISPTM's ACK
        pty.Settle();
        Assert.Equal(1, pty.Done(write, "write").Value); // the write that met D9 reports its count (PD4)
        // The ACK let grantpt send OWNERPT, which the stored EINVAL then failed (H1): C6 says EACCES.
        Assert.Equal(Errno.EACCES, pty.Done(grant, "grantpt").Errno);
        pty.CloseAllAndCheckClean(manager);
    }
}
