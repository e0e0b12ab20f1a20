using Ptm.Actors.Pty;
using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>The stream head's own rules (pty-semantics.md section 2.6), each shown where it differs from a naive head.</summary>
public class StreamHeadTests
{
    private const int TIOCGWINSZ = IoctlCommands.TIOCGWINSZ;

    [Fact]
    public void H1_an_ioctl_outstanding_when_the_sticky_error_is_set_fails_einval()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        pty.Fill(m);
        var held = pty.Posix.IoctlAsync(m, TIOCGWINSZ); // queued in ptm's queue behind the data (D7)
        pty.Close(s); // the held output and the ioctl stay held (PD5)
        Assert.Empty(pty.Read(m));
        Assert.False(held.IsCompleted);
        var flush = pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW); // its M_FLUSH empties the data; its round trip waits behind the ioctl (H5)
        pty.Settle();
        Assert.False(flush.IsCompleted);
        Assert.Equal(1, pty.Write(m, "y")); // no subsidiary: M_ERROR (D9)
        Assert.Equal(Errno.EINVAL, pty.Done(held).Errno); // H1
        Assert.True(pty.Done(flush).IsOk);
        pty.Fails(Errno.EINVAL, pty.Posix.IoctlAsync(m, IoctlCommands.ISPTM));
    }

    [Fact]
    public void H4_a_zero_count_read_consumes_a_queued_end_of_file()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        pty.Close(s);
        Assert.Equal(0, pty.Ok(pty.Posix.ReadAsync(m, Memory<byte>.Empty)));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[8])); // the EOF is gone
    }

    [Fact]
    public void H5_a_second_ioctl_waits_until_the_first_is_answered()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var accepted = pty.Fill(m);
        var forwarded = pty.Posix.IoctlAsync(m, TIOCGWINSZ);
        var isptm = pty.Posix.IoctlAsync(m, IoctlCommands.ISPTM);
        pty.Settle();
        Assert.False(forwarded.IsCompleted);
        Assert.False(isptm.IsCompleted, "ISPTM is answered by ptm itself, but only once it is the stream's one outstanding ioctl");
        var read = 0;
        while (!forwarded.IsCompleted) read += pty.Drain(s).Length;
        Assert.Equal(accepted, read);
        Assert.Equal(Errno.EINVAL, pty.Done(forwarded).Errno); // the subsidiary's stream head NAKs it (D7)
        Assert.Equal(0, pty.Done(isptm).Value);
    }

    [Fact]
    public void H5_ptsname_and_grantpt_on_a_subsidiary_wait_behind_its_held_output()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Fill(s, 'y');
        var ptsname = pty.Posix.GetSubsidiaryNameAsync(s);
        var grantpt = pty.Posix.GrantAsync(s);
        pty.Settle();
        Assert.False(ptsname.IsCompleted);
        Assert.False(grantpt.IsCompleted);
        while (!grantpt.IsCompleted) pty.Drain(m);
        Assert.Equal(Errno.EINVAL, pty.Done(ptsname).Errno); // the ISPTM check is NAKed by the manager's stream head (C2, D8)
        Assert.Equal(Errno.EINVAL, pty.Done(grantpt).Errno);
    }

    [Fact]
    public void H6_flushr_on_a_manager_waits_for_what_is_ahead_of_it_and_flushw_does_not()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Fill(m);
        var flushr = pty.Posix.DiscardAsync(m, FlushFlags.FLUSHR);
        pty.Settle();
        Assert.False(flushr.IsCompleted);
        while (!flushr.IsCompleted) pty.Drain(s);
        Assert.True(pty.Done(flushr).IsOk);

        pty.Fill(m);
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW)); // empties ptm's queue first (D4), so the round trip is quick
    }

    [Fact]
    public void H7_a_read_meeting_an_m_proto_fails_ebadmsg_and_getmsg_takes_it_whole()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PutMessageAsync(s, Bytes.Of("c"), Bytes.Of("hi")));
        pty.Fails(Errno.EBADMSG, pty.Posix.ReadAsync(m, new byte[16]));
        pty.Fails(Errno.EBADMSG, pty.Posix.ReadAsync(m, new byte[16])); // still queued
        var message = pty.Posix.GetMessageAsync(m, 16, 16);
        pty.Settle();
        var (status, control, data) = message.Result;
        Assert.True(status.IsOk);
        Assert.Equal("c", Bytes.Text(control!.Value.Span));
        Assert.Equal("hi", Bytes.Text(data!.Value.Span));
    }

    [Fact]
    public void H7_a_byte_stream_read_stops_before_an_m_proto_and_getmsg_of_data_has_no_control_part()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Write(m, "ab");
        pty.Ok(pty.Posix.PutMessageAsync(m, Bytes.Of("ctl"), null));
        pty.Write(m, "cd");
        Assert.Equal("ab", pty.ReadText(s));
        var proto = pty.Posix.GetMessageAsync(s, 8, 8);
        pty.Settle();
        Assert.Equal("ctl", Bytes.Text(proto.Result.Control!.Value.Span));
        Assert.Equal(0, proto.Result.Data!.Value.Length);
        var data = pty.Posix.GetMessageAsync(s, 8, 8);
        pty.Settle();
        Assert.Null(data.Result.Control);
        Assert.Equal("cd", Bytes.Text(data.Result.Data!.Value.Span));
    }

    [Fact]
    public void H8_a_write_goes_when_the_queue_below_has_room_even_with_another_writer_held()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var blocking = pty.OpenSubsidiary(pty.PathOf(m)); // the same stream, without O_NONBLOCK (L9)
        pty.Fill(s, 'a', 1000); // 1000-byte messages: pts's queue fills to 3000
        var held = pty.Posix.WriteAsync(blocking, Bytes.Repeat('b', 1000));
        pty.Settle();
        Assert.False(held.IsCompleted);
        Assert.Equal(2900, pty.ReadText(m, 2900).Length); // a credit: two messages go on, pts keeps 1000, above low water
        Assert.False(held.IsCompleted, "the held writer waits for the back-enable below low water (D15)");
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(s) & PollEvents.POLLOUT);
        Assert.Equal(1000, pty.Write(s, Bytes.Repeat('c', 1000)));
    }
}
