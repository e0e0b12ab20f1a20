using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.DataPath;

/// <summary>Data both ways, byte-stream reads and zero-length messages (D1, D18, D20, D21, PD8).</summary>
public class PassThroughTests
{
    [Fact]
    public void D1_a_manager_write_reaches_the_subsidiary_unchanged()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var data = Bytes.Pattern(300, 1);
        Assert.Equal(300, pty.Write(m, data));
        Assert.Equal(data, pty.Read(s));
    }

    [Fact]
    public void D1_a_subsidiary_write_reaches_the_manager_unchanged()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var data = Bytes.Pattern(300, 2);
        Assert.Equal(300, pty.Write(s, data));
        Assert.Equal(data, pty.Read(m));
    }

    [Fact]
    public void D18_and_D21_one_read_returns_a_manager_write_cut_into_512_byte_messages()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var data = Bytes.Pattern(1500, 3);
        pty.Write(m, data);
        Assert.Equal(data, pty.Read(s, 4096));
    }

    [Fact]
    public void D18_a_large_subsidiary_write_arrives_whole_across_2048_byte_messages()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        var data = Bytes.Pattern(7000, 4);
        var write = pty.Posix.WriteAsync(s, data);
        var received = new List<byte>();
        while (received.Count < data.Length) received.AddRange(pty.Drain(m));
        Assert.Equal(7000, pty.Ok(write));
        Assert.Equal(data, received.ToArray());
    }

    [Fact]
    public void D21_short_reads_leave_the_rest_queued_in_order()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Write(m, "abc");
        pty.Write(m, "defgh");
        Assert.Equal("ab", pty.ReadText(s, 2));
        Assert.Equal("cdef", pty.ReadText(s, 4));
        Assert.Equal("gh", pty.ReadText(s));
    }

    [Fact]
    public void D21_and_PD8_a_zero_length_message_ends_a_read_and_reads_as_eof_on_its_own()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        pty.Write(m, "before");
        Assert.Equal(0, pty.Write(m, Array.Empty<byte>()));
        pty.Write(m, "after");
        Assert.Equal("before", pty.ReadText(s));
        Assert.Empty(pty.Read(s));
        Assert.Equal("after", pty.ReadText(s));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[8]));
    }

    [Fact]
    public void PD8_and_D20_a_zero_length_subsidiary_write_reads_as_0_on_the_manager_but_is_not_a_close()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        Assert.Equal(0, pty.Write(s, Array.Empty<byte>()));
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLOUT, pty.Poll(m)); // a queued zero-length message is something to read (PD8): POLLIN
        Assert.Empty(pty.Read(m));
        pty.Write(s, "more");
        Assert.Equal("more", pty.ReadText(m));
        pty.Write(m, "still connected");
        Assert.Equal("still connected", pty.ReadText(s));
    }

    [Fact]
    public void D15_a_blocked_reader_wakes_when_data_arrives()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var read = pty.Posix.ReadAsync(s, new byte[64]);
        var otherWay = pty.Posix.ReadAsync(m, new byte[64]);
        pty.Settle();
        Assert.False(read.IsCompleted);
        Assert.False(otherWay.IsCompleted);
        pty.Write(m, "wake");
        Assert.Equal(4, pty.Ok(read));
        pty.Write(s, "up");
        Assert.Equal(2, pty.Ok(otherWay));
    }

    [Fact]
    public void D21_and_H4_a_zero_length_read_returns_0_and_leaves_data_queued()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Write(m, "x");
        Assert.Equal(0, pty.Ok(pty.Posix.ReadAsync(s, Memory<byte>.Empty)));
        Assert.Equal("x", pty.ReadText(s));
    }

    [Fact]
    public void D1_poll_reports_data_and_room_on_both_sides()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m));
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(s));
        pty.Write(m, "to s");
        pty.Write(s, "to m");
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLOUT, pty.Poll(m));
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLOUT, pty.Poll(s));
    }

    [Fact]
    public void PD14_writes_from_both_sides_arrive_in_order_over_many_seeds()
    {
        for (var seed = 1; seed <= 50; seed++)
        {
            using var pty = new DeterministicPty(seed);
            var (m, s) = pty.OpenPair();
            var calls = new List<Task<SysResult>>();
            for (var i = 0; i < 20; i++)
            {
                calls.Add(pty.Posix.WriteAsync(m, Bytes.Of($"m{i:00},")));
                calls.Add(pty.Posix.WriteAsync(s, Bytes.Of($"s{i:00},")));
            }
            pty.Settle();
            foreach (var call in calls) Assert.True(call.IsCompleted && call.Result.IsOk);
            Assert.Equal(string.Concat(Enumerable.Range(0, 20).Select(i => $"m{i:00},")), pty.ReadText(s));
            Assert.Equal(string.Concat(Enumerable.Range(0, 20).Select(i => $"s{i:00},")), pty.ReadText(m));
        }
    }

    [Fact]
    public void D13_and_D7_a_forwarded_manager_ioctl_waits_behind_data_held_by_flow_control()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Fill(m);
        var ioctl = pty.Posix.IoctlAsync(m, IoctlCommands.TIOCGWINSZ); // TIOCGWINSZ: not ptm's, forwarded as an ordinary message
        pty.Settle();
        Assert.False(ioctl.IsCompleted); // queued behind the data in ptm's write queue
        for (var round = 0; round < 10 && !ioctl.IsCompleted; round++) pty.Drain(s);
        Assert.True(ioctl.IsCompleted);
        Assert.Equal(Errno.EINVAL, ioctl.Result.Errno); // NAKed by the subsidiary stream head
    }

    [Fact]
    public void L19_and_L20_neither_the_manager_nor_a_bare_subsidiary_is_a_terminal()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        Assert.Equal(0, pty.Ok(pty.Posix.IsTerminalAsync(m)));
        Assert.Equal(0, pty.Ok(pty.Posix.IsTerminalAsync(s)));
        pty.Close(s);
        Assert.Equal(0, pty.Ok(pty.Posix.IsTerminalAsync(s)));
    }
}

