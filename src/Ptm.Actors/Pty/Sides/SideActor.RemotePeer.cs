using Akka.Actor;

namespace Ptm.Actors.Pty;

/*
 * A peer on another node (specs/cluster: CL9.1, CL11). Akka.Remote keeps one sender's messages
 * in order, but it drops what is sent while an association is gated after a failure, or while a
 * partition swallows it, and delivers what follows once the link heals. No Terminated comes for
 * such a loss, so the pair would go on with a hole in its bytes, or stall for good when the lost
 * message was a Credit its writer waits for.
 *
 * So everything a side sends its remote peer is numbered (Sequenced: 1, 2, 3, ... from the
 * moment it took the peer), and the receiver takes only the next number. A number out of turn
 * ends the pair as a node loss would (CL6): the manager reads end of file once (L13), the
 * subsidiary is hung up (L15), and the other side is told (PairBroken). A side that has sent its
 * remote peer nothing for a probe interval sends a numbered PeerProbe, so a lost last message is
 * found out too. A numbered message from a sender that is not (or no longer) the peer is
 * answered with PairBroken: a PairBroken lost in turn is repeated at the other side's next
 * message or probe, so both sides learn that the pair is over.
 *
 * A pair on one node numbers nothing and never probes: one actor system loses no message.
 */
internal abstract partial class SideActor
{
    private PeerSequence? _sequence;
    private ICancelable? _probes;

    /// <summary>Numbers afresh for a new remote peer (both sides start at 1 when they take each other), and probes while there is one.</summary>
    private void NumberTrafficTo(IActorRef? peer)
    {
        _probes?.Cancel();
        _probes = null;
        if (peer is null) return; // the sequence stays: a run still on its way to the old peer keeps its numbers
        if (!IsRemote(peer))
        {
            _sequence = null;
            return;
        }
        _sequence = new PeerSequence(peer);
        _probes = Repeatedly(ProbeTick.Instance);
    }

    protected static bool IsRemote(IActorRef actor) => !actor.Path.Address.HasLocalScope;

    /// <summary>Tells this actor <paramref name="tick"/> every probe interval, until cancelled (or the actor stops: cancel it in PostStop).</summary>
    protected ICancelable Repeatedly(object tick)
    {
        var interval = Common.PeerProbeInterval;
        return Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(interval, interval, Self, tick, Self);
    }

    /// <summary>The message as it goes to <paramref name="target"/>: numbered when it is the remote peer.</summary>
    private object Numbered(IActorRef target, object message) =>
        _sequence is { } sequence && RefIdentity.Same(sequence.Peer, target) ? sequence.Next(message) : message;

    private void FromRemotePeer(Sequenced numbered)
    {
        if (_sequence is not { } sequence || !RefIdentity.Same(Sender, Peer) || !RefIdentity.Same(Sender, sequence.Peer))
        {
            Sender.Tell(PairBroken.Instance, Self); // it still counts us as its peer; we let go of it
            if (numbered.Message is not PeerProbe) Dispatch(numbered.Message); // stale, as on one node (R13)
            return;
        }
        if (!sequence.TakeInTurn(numbered.Number))
        {
            Sender.Tell(PairBroken.Instance, Self);
            PeerLostInTransit();
            return;
        }
        if (numbered.Message is not PeerProbe) Dispatch(numbered.Message);
    }

    private void ProbeRemotePeer()
    {
        if (Peer is null || _sequence is not { } sequence) return;
        if (!sequence.SentSinceProbe) TellPeer(PeerProbe.Instance);
        sequence.SentSinceProbe = false;
    }

    /// <summary>
    /// CL11: a message from or to the remote peer was lost, with no node lost. The pair ends as
    /// if the peer's node had been: the manager reads end of file once (L13), the subsidiary is
    /// hung up (L15, PD13).
    /// </summary>
    protected abstract void PeerLostInTransit();

    /// <summary>Sent to itself every probe interval while the peer is on another node.</summary>
    private sealed record ProbeTick : Akka.Event.IDeadLetterSuppression
    {
        public static readonly ProbeTick Instance = new();
    }
}
