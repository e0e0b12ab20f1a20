using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// The M_FLUSH a stream head sends down when an M_ERROR arrives (strrput, D9): FLUSHR for a read
/// error, FLUSHW for a write error (it empties ptm's queue in D9), both for both, and nothing
/// for an M_ERROR that changes nothing ("no change" in both bytes).
/// </summary>
public class ErrorFlushTests
{
    [Theory]
    [InlineData(Errno.EIO, Errno.None, FlushFlags.FLUSHR)]
    [InlineData(Errno.None, Errno.EINVAL, FlushFlags.FLUSHW)]
    [InlineData(Errno.EIO, Errno.EINVAL, FlushFlags.FLUSHRW)]
    public void D9_an_m_error_sends_the_flush_its_errors_name_down_once(Errno read, Errno write, FlushFlags expected)
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var probe = ErrorProbe.PushOn(pty, s);
        pty.Fails(read != Errno.None ? read : write, ErrorProbe.Raise(pty, s, read, write));
        Assert.Equal(new[] { expected }, probe.FlushesDown);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void An_m_error_that_changes_nothing_sends_no_flush_and_stores_nothing()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var probe = ErrorProbe.PushOn(pty, s);
        pty.Write(m, "kept");
        Assert.Equal(0, pty.Ok(ErrorProbe.Raise(pty, s, Errno.None, Errno.None))); // no stored error: the probe's answer stands
        Assert.Empty(probe.FlushesDown);
        Assert.Equal("kept", pty.ReadText(s));
        Assert.Equal(2, pty.Write(s, "ok"));
        pty.CloseAllAndCheckClean(m, s);
    }
}
