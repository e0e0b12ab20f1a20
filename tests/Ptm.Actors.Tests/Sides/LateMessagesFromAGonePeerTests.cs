using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;
using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Diagnostics;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// R13: a message from a peer that is gone or was replaced is harmless: stale data never
/// reaches the stream head, a stale credit resumes nothing, a stale hang-up hangs up nothing
/// twice. On one node a peer's last messages always come before its Terminated; across nodes
/// they can come late. Here each is told straight to the side, sent as by the gone peer.
/// </summary>
public sealed class LateMessagesFromAGonePeerTests
{
    [Fact]
    public void Data_from_a_closed_subsidiary_is_dropped_before_and_after_a_new_one_connects()
    {
        using var pty = new DeterministicPty();
        var (manager, path, managerSide, oldSide) = PairWithClosedSubsidiary(pty);

        managerSide.Tell(new DataMessage(Bytes.Of("stale")), oldSide);
        pty.Settle();
        Assert.Null(pty.ReadNow(manager)); // no peer: nothing counts (R13)

        var fresh = pty.OpenSubsidiary(path, OpenFlags.NonBlock);
        managerSide.Tell(new DataMessage(Bytes.Of("stale")), oldSide);
        pty.Settle();
        Assert.Null(pty.ReadNow(manager)); // a replaced peer's data does not count either
        Assert.Equal(3, pty.Write(fresh, "new"));
        Assert.Equal("new", pty.ReadNow(manager));
        pty.CloseAllAndCheckClean(fresh, manager);
    }

    [Fact]
    public void A_credit_from_a_replaced_subsidiary_does_not_resume_output_held_for_the_new_one()
    {
        using var pty = new DeterministicPty();
        var (manager, path, managerSide, oldSide) = PairWithClosedSubsidiary(pty);
        var fresh = pty.OpenSubsidiary(path, OpenFlags.NonBlock);
        pty.Fill(manager, 'n'); // the new subsidiary does not read: the manager is flow-controlled (D13, D14)
        Assert.Equal(Errno.EAGAIN, pty.Settle(pty.StartWrite(manager, "x")).Errno);

        managerSide.Tell(new Credit(long.MaxValue / 2), oldSide); // "all read", from the wrong stream
        pty.Settle();
        Assert.Equal(Errno.EAGAIN, pty.Settle(pty.StartWrite(manager, "x")).Errno); // still held: only fresh's credits count
        Assert.Equal(PollEvents.None, pty.Poll(manager) & PollEvents.POLLOUT);
        pty.CloseAllAndCheckClean(fresh, manager);
    }

    [Fact]
    public void Data_from_the_manager_after_the_subsidiary_was_hung_up_is_not_read()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var managerSide = SideOf(pty, manager);
        var subsidiarySide = SideOf(pty, subsidiary);
        pty.Close(manager); // the hang-up (L14, L15)

        subsidiarySide.Tell(new DataMessage(Bytes.Of("stale")), managerSide);
        pty.Settle();
        Assert.Equal("", pty.ReadNow(subsidiary)); // L15: 0 forever after the hang-up
        pty.CloseAllAndCheckClean(subsidiary);
    }

    [Fact]
    public void A_hang_up_arriving_after_the_managers_crash_hung_the_subsidiary_up_counts_once()
    {
        using var pty = new DeterministicPty();
        using var meter = new MeterRecorder(pty.System.Name);
        var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var managerSide = SideOf(pty, manager);
        var subsidiarySide = SideOf(pty, subsidiary);
        Assert.True(pty.Posix.CrashAsync(manager).Result.IsOk);
        pty.Settle(); // PD13: the Terminated hangs the subsidiary up

        subsidiarySide.Tell(HangupMessage.Instance, managerSide);
        pty.Settle();
        Assert.Equal(1, meter.Value("ptm.hangups", "ptm.hangup.cause=manager_crashed"));
        Assert.Equal(0, meter.Value("ptm.hangups", "ptm.hangup.cause=manager_closed"));
        Assert.Equal("", pty.ReadNow(subsidiary));
        pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    /// <summary>A non-blocking pair whose subsidiary has closed and whose manager has read that EOF (L13): the stale peer and its manager.</summary>
    private static (int Manager, string Path, IActorRef ManagerSide, IActorRef OldSide) PairWithClosedSubsidiary(DeterministicPty pty)
    {
        var (manager, old) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var path = pty.PathOf(manager);
        var (managerSide, oldSide) = (SideOf(pty, manager), SideOf(pty, old));
        pty.Close(old);
        Assert.Equal("", pty.ReadNow(manager)); // its EOF (L13)
        return (manager, path, managerSide, oldSide);
    }

    private static IActorRef SideOf(DeterministicPty pty, int fd) => pty.Posix.HandleOf(fd).File.Side!;
}
