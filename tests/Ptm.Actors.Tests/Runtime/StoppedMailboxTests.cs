using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;
using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Runtime;

/// <summary>
/// R9, PD13: a message told to a side at the moment it stops is not lost. Akka.NET's dispatcher
/// reads the actor's mailbox, then enqueues into it; a side stopping in between swaps its mailbox
/// for dead letters and sweeps the old one first, so the message lands in a queue nobody reads.
/// The queue is sealed by its clean-up: a late message goes to dead letters, where the Clone
/// answers a host call as from a side that is gone (the soak's rare call_hung on ioctl_m).
/// </summary>
public class StoppedMailboxTests
{
    [Fact]
    public void A_message_enqueued_after_the_clean_up_goes_to_dead_letters()
    {
        var queue = new CompactMessageQueue();
        var deadLetters = new CompactMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, new Envelope("before", ActorRefs.NoSender));
        queue.CleanUp(ActorRefs.Nobody, deadLetters);
        queue.Enqueue(ActorRefs.Nobody, new Envelope("after", ActorRefs.NoSender));

        Assert.False(queue.HasMessages);
        Assert.True(deadLetters.TryDequeue(out var first));
        Assert.True(deadLetters.TryDequeue(out var second));
        Assert.Equal(["before", "after"], new[] { first.Message, second.Message });
    }

    [Fact]
    public void R9_and_PD13_a_call_that_lands_in_a_crashed_sides_old_mailbox_fails_eio()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var manager = pty.Posix.HandleOf(m);
        var side = manager.File.Side!;
        var oldQueue = ((ActorCell)((ActorRefWithCell)side).Underlying).Mailbox!.MessageQueue!;
        pty.Ok(pty.Posix.CrashAsync(m));
        pty.Settle();

        manager.File.Side = new LateTell(side, oldQueue); // the second half of a Tell begun before the crash
        var ioctl = pty.Posix.IoctlAsync(m, IoctlCommands.ISPTM);
        manager.File.Side = side;

        pty.Fails(Errno.EIO, ioctl);
        pty.Close(m);
        pty.Close(s);
    }

    /// <summary>A reference to a stopped side that enqueues into the mailbox it had, as a Tell racing the stop does.</summary>
    private sealed class LateTell(IActorRef side, IMessageQueue oldQueue) : MinimalActorRef
    {
        public override ActorPath Path => side.Path;

        public override IActorRefProvider Provider => ((IInternalActorRef)side).Provider;

        protected override void TellInternal(object message, IActorRef sender) =>
            oldQueue.Enqueue(side, new Envelope(message, sender ?? Provider.DeadLetters)); // as Akka.NET's Tell fills it in
    }
}
