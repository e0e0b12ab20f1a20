using System.Buffers.Binary;
using Ptm.Actors.Modules;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// I_FLUSH's round trip (H6) when its answer never comes: with pckt on the manager, the -1 ioctl
/// reaches the manager's program as a packet and nobody answers it. strdoioctl's timer (STRTIMOUT,
/// 15 s of virtual time here) ends the wait, the flush succeeds all the same, and the ioctls
/// waiting behind it go down in turn (H5), except one whose caller has already given up.
/// </summary>
public class FlushRoundTripTimeoutTests
{
    private static readonly TimeSpan Timeout = global::Ptm.Actors.Pty.StreamHead.IoctlTimeout;

    [Fact]
    public void H6_a_round_trip_nobody_answers_ends_after_STRTIMOUT_and_the_next_live_ioctl_goes_down()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(managerFlags: OpenFlags.NonBlock);
        pty.Ok(pty.Posix.PushAsync(m, "pckt"));
        var flush = pty.Posix.DiscardAsync(s, FlushFlags.FLUSHR);
        using var giveUp = new CancellationTokenSource();
        var abandoned = pty.Posix.IoctlAsync(s, IoctlCommands.TIOCGWINSZ, cancellationToken: giveUp.Token);
        var list = pty.Posix.ListAsync(s); // answered by the subsidiary's own side, once it is the outstanding one
        pty.Settle();
        Assert.False(flush.IsCompleted, pty.At("the round trip was answered: nothing waits"));
        Assert.False(list.IsCompleted, pty.At("I_LIST did not wait behind the round trip (H5)"));
        giveUp.Cancel();
        Assert.Equal(Errno.EINTR, pty.Settle(abandoned, "the abandoned ioctl").Errno);

        pty.Sleep(Timeout - TimeSpan.FromSeconds(1));
        Assert.False(flush.IsCompleted, pty.At("the round trip ended before STRTIMOUT"));
        pty.Sleep(TimeSpan.FromSeconds(1));
        Assert.True(pty.Done(flush, "I_FLUSH").IsOk, pty.At("I_FLUSH ignores its round trip's ETIME (H6)"));
        Assert.Equal("pts", pty.Done(list, "I_LIST").Text);
        Assert.Equal(new[] { HeadIoctlCommand }, IoctlPackets(pty, m)); // the abandoned TIOCGWINSZ never went down
        pty.CloseAllAndCheckClean(m, s);
    }

    private const int HeadIoctlCommand = -1; // HeadIoctl.FlushRoundTrip: the command nobody knows

    /// <summary>The commands of the M_IOCTL packets the manager's program can read now (M2).</summary>
    private static List<int> IoctlPackets(DeterministicPty pty, int manager)
    {
        var commands = new List<int>();
        while (pty.Settled(pty.Posix.GetMessageAsync(manager, 16, 64)) is { Status.IsOk: true } message)
        {
            if (message.Control!.Value.Span[0] == PacketTypes.M_IOCTL) commands.Add(BinaryPrimitives.ReadInt32LittleEndian(message.Data!.Value.Span));
        }
        return commands;
    }
}
