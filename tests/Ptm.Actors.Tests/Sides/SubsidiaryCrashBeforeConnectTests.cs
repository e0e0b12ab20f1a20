using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// PD13, R9: a subsidiary stream that dies before its manager connected it fails the opens
/// still waiting for the connect with EIO; none is left waiting.
/// </summary>
public sealed class SubsidiaryCrashBeforeConnectTests
{
    [Fact]
    public void An_open_waiting_for_the_connect_fails_eio_when_its_subsidiary_crashes()
    {
        using var pty = new DeterministicPty();
        var manager = pty.OpenUnlockedManager(OpenFlags.NonBlock);
        var path = pty.PathOf(manager);
        var faults = new FaultInjector(pty.System.ActorSystem);
        var managerSide = pty.Posix.HandleOf(manager).File.Side!;

        Task<SysResult> open;
        using (faults.Hold(managerSide)) // a busy manager: the subsidiary's introduction waits in its mailbox (R3)
        {
            open = pty.Posix.OpenAsync(path, OpenFlags.NonBlock);
            pty.Settle();
            Assert.False(open.IsCompleted, pty.At("the open should wait for the manager's Connected (R3)"));
            var clone = PtyFaults.CloneActorOf(pty.System);
            pty.System.ActorSystem.ActorSelection(clone.Path + "/pts-*").Tell(new CrashPoke(Manager: false), ActorRefs.NoSender);
            pty.Settle();
            Assert.Equal(Errno.EIO, pty.Done(open, "open waiting for the connect").Errno);
        }
        pty.Settle();
        pty.Close(manager);
        Assert.Equal(0, pty.System.AllocatedMinors); // L16
    }
}
