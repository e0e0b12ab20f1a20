using Akka.Actor;

namespace Ptm.Actors.Pty;

/// <summary>The numbers of a pair's traffic with one remote peer, both ways (CL9.1).</summary>
internal sealed class PeerSequence(IActorRef peer)
{
    private long _sent;
    private long _received;

    public IActorRef Peer { get; } = peer;

    /// <summary>Whether anything went to the peer since the last probe tick: if so, no probe is needed.</summary>
    public bool SentSinceProbe { get; set; }

    public Sequenced Next(object message)
    {
        SentSinceProbe = true;
        return new Sequenced(++_sent, message);
    }

    /// <summary>True, and counted, when <paramref name="number"/> is the next one; false on a hole.</summary>
    public bool TakeInTurn(long number)
    {
        if (number != _received + 1) return false;
        _received = number;
        return true;
    }
}
