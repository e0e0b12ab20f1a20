using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.FlowControl;

/// <summary>
/// D13, D14, D15, D17, PD11: with nobody reading, bytes accepted by a writer are bounded by the
/// water marks plus one message per queue. Manager -> subsidiary: ptm's write queue (512 + one 512
/// message) and the subsidiary's read queue (2048 + one 512 message) = 3584. Subsidiary ->
/// manager: pts's write queue (2048 + one 2048 message) and the manager's read queue (2048 +
/// one 2048 message) = 8192.
/// </summary>
public class BoundedMemoryTests
{
    private const int HundredMegabytes = 100 * 1024 * 1024;
    private const int ManagerToSubsidiaryBound = 512 + 512 + 2048 + 512;
    private const int SubsidiaryToManagerBound = 2048 + 2048 + 2048 + 2048;

    [Fact]
    public void D14_a_blocking_manager_write_of_100_MB_is_held_with_at_most_3584_bytes_accepted()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        var data = Bytes.Pattern(HundredMegabytes, 7);
        using var stop = new CancellationTokenSource();
        var write = pty.Posix.WriteAsync(m, data, cancellationToken: stop.Token);
        pty.Settle();
        Assert.False(write.IsCompleted);
        Assert.False(pty.Poll(m).HasFlag(PollEvents.POLLOUT));
        stop.Cancel(); // an interrupted write returns what it had accepted
        var accepted = (int)pty.Ok(write);
        Assert.InRange(accepted, 1, ManagerToSubsidiaryBound);
        Assert.Equal(data[..accepted], pty.Drain(s)); // and all of it arrives
    }

    [Fact]
    public void D14_a_nonblocking_manager_write_of_100_MB_accepts_at_most_3584_bytes_then_fails_eagain()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var data = Bytes.Pattern(HundredMegabytes, 8);
        var accepted = (int)pty.Ok(pty.Posix.WriteAsync(m, data));
        Assert.InRange(accepted, 1, ManagerToSubsidiaryBound);
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(m, data.AsMemory(accepted)));
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(m, data.AsMemory(accepted, 1)));
        var queuedAtSubsidiary = pty.Read(s, 1 << 20);
        Assert.InRange(queuedAtSubsidiary.Length, 1, 2048 + 512); // the stream head's read queue, PD11
        Assert.Equal(data[..queuedAtSubsidiary.Length], queuedAtSubsidiary);
    }

    [Fact]
    public void D15_a_blocked_100_MB_manager_write_moves_on_as_the_subsidiary_reads_and_the_queues_stay_bounded()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        var data = Bytes.Pattern(HundredMegabytes, 9);
        var write = pty.Posix.WriteAsync(m, data);
        pty.Settle();
        var buffer = new byte[1 << 20];
        var received = 0;
        var rounds = 0;
        while (received < data.Length)
        {
            var result = pty.Settle(pty.Posix.ReadAsync(s, buffer));
            Assert.True(result.IsOk, $"read failed {result.Errno} after {received} bytes");
            var n = (int)result.Value;
            Assert.InRange(n, 1, 2048 + 512); // everything queued at the subsidiary, never above its bound
            Assert.True(buffer.AsSpan(0, n).SequenceEqual(data.AsSpan(received, n)), $"wrong bytes at {received}");
            received += n;
            rounds++;
        }
        Assert.True(write.IsCompleted);
        Assert.Equal(HundredMegabytes, pty.Ok(write));
        Assert.True(rounds >= HundredMegabytes / (2048 + 512));
    }

    [Fact]
    public void D14_a_blocking_subsidiary_write_of_100_MB_is_held_with_at_most_8192_bytes_accepted()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        var data = Bytes.Pattern(HundredMegabytes, 10);
        using var stop = new CancellationTokenSource();
        var write = pty.Posix.WriteAsync(s, data, cancellationToken: stop.Token);
        pty.Settle();
        Assert.False(write.IsCompleted);
        stop.Cancel();
        var accepted = (int)pty.Ok(write);
        Assert.InRange(accepted, 1, SubsidiaryToManagerBound);
        Assert.Equal(data[..accepted], pty.Drain(m));
    }

    [Fact]
    public void D14_a_nonblocking_subsidiary_write_of_100_MB_accepts_at_most_8192_bytes_then_fails_eagain()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var data = Bytes.Pattern(HundredMegabytes, 11);
        var accepted = (int)pty.Ok(pty.Posix.WriteAsync(s, data));
        Assert.InRange(accepted, 1, SubsidiaryToManagerBound);
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(s, data.AsMemory(accepted)));
        Assert.Equal(data[..accepted], pty.Drain(m));
    }

    [Fact]
    public void D15_a_blocked_subsidiary_write_completes_as_the_manager_reads()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        var data = Bytes.Pattern(1 << 20, 12);
        var write = pty.Posix.WriteAsync(s, data);
        pty.Settle();
        var received = new List<byte>(data.Length);
        while (received.Count < data.Length)
        {
            var chunk = pty.Read(m, 1 << 20);
            Assert.InRange(chunk.Length, 1, 2048 + 2048); // the manager's read queue, PD11
            received.AddRange(chunk);
        }
        Assert.Equal(data.Length, pty.Ok(write));
        Assert.Equal(data, received.ToArray());
    }
}
