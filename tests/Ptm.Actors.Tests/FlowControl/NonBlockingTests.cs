using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.FlowControl;

/// <summary>Nonblocking handles and flow control (D14, D15, D19, PD7).</summary>
public class NonBlockingTests
{
    [Theory]
    [InlineData(OpenFlags.NonBlock)]
    [InlineData(OpenFlags.NDelay)]
    public void D19_and_PD7_reads_of_an_empty_queue_fail_eagain_on_both_sides(OpenFlags flags)
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(flags, flags);
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[8]));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[8]));
    }

    [Theory]
    [InlineData(OpenFlags.NonBlock)]
    [InlineData(OpenFlags.NDelay)]
    public void D19_and_PD7_a_manager_write_that_can_make_no_progress_fails_eagain(OpenFlags flags)
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(flags);
        var chunk = Bytes.Repeat('x', 4096);
        var accepted = 0;
        for (var i = 0; i < 6; i++)
        {
            var result = pty.Settle(pty.Posix.WriteAsync(m, chunk));
            if (result.IsOk) accepted += (int)result.Value;
            else Assert.Equal(Errno.EAGAIN, result.Errno);
        }
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(m, Bytes.Of("x")));
        Assert.False(pty.Poll(m).HasFlag(PollEvents.POLLOUT));
        Assert.True(accepted is > 0 and < 4096, $"accepted {accepted}");
    }

    [Fact]
    public void D19_a_subsidiary_write_that_can_make_no_progress_fails_eagain_and_resumes_after_the_manager_drains()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var data = Bytes.Pattern(20000, 5);
        var accepted = (int)pty.Ok(pty.Posix.WriteAsync(s, data));
        Assert.True(accepted < data.Length);
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(s, data.AsMemory(accepted)));
        Assert.Equal(PollEvents.POLLIN, pty.Poll(m) & PollEvents.POLLIN);
        Assert.False(pty.Poll(s).HasFlag(PollEvents.POLLOUT));
        var received = new List<byte>(pty.Drain(m));
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(s));
        var more = (int)pty.Ok(pty.Posix.WriteAsync(s, data.AsMemory(accepted)));
        Assert.True(more > 0);
        received.AddRange(pty.Drain(m));
        Assert.Equal(data[..(accepted + more)], received.ToArray());
    }

    [Fact]
    public void D15_a_blocked_manager_write_completes_as_the_subsidiary_reads()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        var data = Bytes.Pattern(20000, 6);
        var write = pty.Posix.WriteAsync(m, data);
        pty.Settle();
        Assert.False(write.IsCompleted);
        var received = new List<byte>();
        while (!write.IsCompleted) received.AddRange(pty.Read(s));
        received.AddRange(pty.Drain(s));
        Assert.Equal(20000, write.Result.Value);
        Assert.Equal(data, received.ToArray());
    }

    [Fact]
    public void D14_a_second_blocking_writer_waits_behind_the_first_and_both_arrive_in_order()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        var first = Bytes.Repeat('a', 6000);
        var second = Bytes.Repeat('b', 3000);
        var w1 = pty.Posix.WriteAsync(m, first);
        var w2 = pty.Posix.WriteAsync(m, second);
        pty.Settle();
        Assert.False(w1.IsCompleted || w2.IsCompleted);
        var received = new List<byte>();
        for (var round = 0; round < 100 && !(w1.IsCompleted && w2.IsCompleted); round++) received.AddRange(pty.Drain(s));
        received.AddRange(pty.Drain(s));
        Assert.True(w1.IsCompleted && w2.IsCompleted, "a blocked writer never completed");
        Assert.Equal(first.Concat(second).ToArray(), received.ToArray());
    }

    [Fact]
    public void D19_a_nonblocking_write_behind_a_blocked_writer_on_the_same_stream_fails_eagain()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        var nonblocking = pty.OpenSubsidiary(pty.PathOf(m), OpenFlags.NonBlock);
        var data = Bytes.Pattern(30000, 13);
        var blocked = pty.Posix.WriteAsync(s, data);
        pty.Settle();
        Assert.False(blocked.IsCompleted);
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(nonblocking, Bytes.Of("x")));
        var received = new List<byte>();
        while (!blocked.IsCompleted) received.AddRange(pty.Read(m, 1 << 20));
        received.AddRange(pty.Drain(m));
        Assert.Equal(data, received.ToArray());
    }

    /// <summary>
    /// Minimal reproduction of the ResumeWriters re-entrancy: a 3000-byte blocking write is held
    /// with 2560 accepted; one read of the subsidiary sends one Credit; the manager's Service
    /// forwards its queued 512, calls ResumeWriters, whose Advance puts the last 440 bytes, whose
    /// PutDown calls Service, which (queue empty, below low water) calls ResumeWriters again: the
    /// inner call completes and dequeues the writer, the outer one dequeues again.
    /// </summary>
    [Fact]
    public void D15_a_blocked_write_resumed_by_one_credit_completes_and_the_manager_survives()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        var data = Bytes.Pattern(3000, 21);
        var write = pty.Posix.WriteAsync(m, data);
        pty.Settle();
        Assert.False(write.IsCompleted);
        var received = new List<byte>(pty.Read(s)); // 2048: one credit
        pty.Settle();
        Assert.True(write.IsCompleted);
        Assert.Equal(3000, write.Result.Value);
        received.AddRange(pty.Drain(s));
        Assert.Equal(data, received.ToArray());
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(s)); // not hung up: the manager is alive
        pty.Write(m, "alive");
        Assert.Equal("alive", pty.ReadText(s));
    }
}
