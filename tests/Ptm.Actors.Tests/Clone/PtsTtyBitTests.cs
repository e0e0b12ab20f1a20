using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// I3: the PTSTTY bit of an entry changes only at the request of that pty's own live sides (the
/// Clone takes entry updates from nobody else, R11, R13). An update from any other actor, for a
/// live pty or a free minor, changes nothing and upsets nothing.
/// </summary>
public class PtsTtyBitTests
{
    [Fact]
    public void I3_a_ptstty_update_from_an_actor_that_is_not_the_manager_leaves_the_bit_clear()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair();
        var minor = pty.Posix.HandleOf(manager).Minor;

        pty.System.CloneActor.Tell(new SetPtsTty(minor, null), ActorRefs.NoSender);
        pty.System.CloneActor.Tell(new SetPtsTty(minor + 1, null), ActorRefs.NoSender); // a free minor
        pty.Settle(); // fails the test if the Clone failed on either

        pty.Ok(pty.Posix.IoctlAsync(subsidiary, IoctlCommands.PTSSTTY), "PTSSTTY"); // bare pts: the bit was clear
        pty.Fails(Errno.EEXIST, pty.Posix.IoctlAsync(subsidiary, IoctlCommands.PTSSTTY));
        pty.CloseAllAndCheckClean(manager, subsidiary);
    }

    [Fact]
    public void I3_a_subsidiarys_ptstty_from_an_actor_that_is_not_the_subsidiary_leaves_the_bit_clear()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair();
        var minor = pty.Posix.HandleOf(manager).Minor;

        pty.System.CloneActor.Tell(new SetPtsTty(minor, 1), ActorRefs.NoSender); // answered ENXIO, to nobody
        pty.System.CloneActor.Tell(new SetPtsTty(minor + 1, 2), ActorRefs.NoSender); // a free minor
        pty.Settle();

        pty.Ok(pty.Posix.IoctlAsync(subsidiary, IoctlCommands.PTSSTTY), "PTSSTTY");
        pty.Fails(Errno.EEXIST, pty.Posix.IoctlAsync(subsidiary, IoctlCommands.PTSSTTY));
        pty.CloseAllAndCheckClean(manager, subsidiary);
    }
}
