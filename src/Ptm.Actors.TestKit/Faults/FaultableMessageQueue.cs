using Akka.Actor;
using Akka.Actor.Scheduler;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;
using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Deterministic;

namespace Ptm.Actors.TestKit.Faults;

/*
 * One actor's queue: the product's CompactMessageQueue, which user messages always go through
 * in order, behind a gate. Akka.NET runs a mailbox only while its queue HasMessages (or a
 * system message waits), and a run stops at the first failed TryDequeue; so while any hold is
 * active both report nothing, and the actor handles only its system messages (watch, stop,
 * supervision). Ending a hold must get the mailbox scheduled again: that is a Wake told to the
 * actor, which this queue consumes at enqueue (dropping the hold) instead of queueing it, and
 * the Tell's own scheduling does the rest, from whichever thread released it (the test's, or
 * the scheduler's, which under virtual time is the thread that advances the clock).
 *
 * A slowed actor takes a fresh hold after each message it dequeues, released by the scheduler
 * after the pause. A pending FailNextMessage swaps the next envelope's message for an
 * InjectedFailure. The hot path (no fault active) reads one volatile field more than the
 * compact queue does.
 */

/// <summary>The message queue of <see cref="FaultableMailbox"/>.</summary>
internal sealed class FaultableMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private readonly CompactMessageQueue _inner = new();
    private readonly IActorRef _owner;
    private readonly ActorSystem _system;
    private readonly object _gate = new();
    private readonly HashSet<object> _holds = new(ReferenceEqualityComparer.Instance);
    private volatile int _holdCount;
    private volatile bool _systemOnly;
    private volatile bool _faulted; // a failure or a slowdown is pending: take the gate on dequeue
    private Exception? _failNext;
    private TimeSpan _perMessage;

    internal FaultableMessageQueue(IActorRef owner, ActorSystem system)
    {
        _owner = owner;
        _system = system;
    }

    public bool HasMessages => _holdCount == 0 && !_systemOnly && _inner.HasMessages;

    /// <summary>User messages waiting, held or not.</summary>
    public int Count => _inner.Count;

    /// <summary>While set, the queue hands out nothing: the seeded driver runs a mailbox for its system messages only.</summary>
    internal bool SystemOnly
    {
        get => _systemOnly;
        set => _systemOnly = value;
    }

    /// <summary>True while at least one hold (or a slowdown's pause) keeps the user messages back.</summary>
    public bool IsHeld => _holdCount != 0;

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        var message = envelope.Message is IScheduledTellMsg scheduled ? scheduled.Message : envelope.Message;
        if (message is Wake wake)
        {
            if (wake.Token is { } token) Release(token);
            // Akka reads the mailbox status once this returns, while a finishing run sets it idle
            // and then reads HasMessages: a full fence keeps the two from both reading stale values.
            Interlocked.MemoryBarrier();
            return;
        }
        if (MessageInterceptors.Active && MessageInterceptors.TryIntercept(_system, receiver, envelope, e => _inner.Enqueue(receiver, e))) return; // a planted bug (tests only)
        _inner.Enqueue(receiver, envelope);
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_holdCount != 0 || _systemOnly || !_inner.TryDequeue(out envelope))
        {
            envelope = default;
            return false;
        }
        if (_faulted) envelope = ApplyFaults(envelope);
        SeededDriver.NoteDequeued(this, envelope.Message);
        return true;
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters) => _inner.CleanUp(owner, deadletters);

    /// <summary>Holds the user messages back until <see cref="Release"/> is called with the same token (or a Wake carrying it arrives).</summary>
    internal void Hold(object token)
    {
        lock (_gate)
        {
            _holds.Add(token);
            _holdCount = _holds.Count;
        }
    }

    internal void Release(object token)
    {
        lock (_gate)
        {
            _holds.Remove(token);
            _holdCount = _holds.Count;
        }
    }

    internal void FailNext(Exception failure)
    {
        lock (_gate)
        {
            _failNext = failure;
            _faulted = true;
        }
    }

    /// <summary>Sets the pause after each message; zero also ends a pause under way. True if a pause was ended (the caller wakes the actor).</summary>
    internal bool SlowDown(TimeSpan perMessage)
    {
        lock (_gate)
        {
            _perMessage = perMessage;
            _faulted = _failNext is not null || perMessage > TimeSpan.Zero;
            if (perMessage > TimeSpan.Zero) return false;
            var paused = _holds.RemoveWhere(static h => h is SlowDownPause);
            _holdCount = _holds.Count;
            return paused > 0;
        }
    }

    private Envelope ApplyFaults(Envelope envelope)
    {
        TimeSpan pause;
        SlowDownPause? token = null;
        lock (_gate)
        {
            if (_failNext is { } failure)
            {
                envelope = new Envelope(new InjectedFailure(failure, envelope.Message), envelope.Sender);
                _failNext = null;
            }
            pause = _perMessage;
            _faulted = pause > TimeSpan.Zero;
            if (pause > TimeSpan.Zero)
            {
                token = new SlowDownPause();
                _holds.Add(token);
                _holdCount = _holds.Count;
            }
        }
        if (token is not null) _system.Scheduler.ScheduleTellOnce(pause, _owner, new Wake(token), ActorRefs.NoSender);
        return envelope;
    }

    private sealed class SlowDownPause;
}
