using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>
/// What a probe actor hands to the test: ordinary messages in arrival order, and Terminated on a
/// separate watch channel so a reply still in flight can never break ExpectTerminated.
/// </summary>
internal sealed class ProbeQueue
{
    private readonly object _gate = new();
    private readonly Queue<ReceivedMessage> _messages = new();
    private readonly List<Terminated> _terminations = new();
    private TaskCompletionSource? _arrival;
    private AutoPilot? _pilot;

    public AutoPilot? Pilot
    {
        get => Volatile.Read(ref _pilot);
        set => Volatile.Write(ref _pilot, value);
    }

    public void Add(object message, IActorRef sender)
    {
        if (Pilot is { } pilot && !pilot(sender, message)) Pilot = null;
        lock (_gate) _messages.Enqueue(new ReceivedMessage(message, sender));
        Signal();
    }

    public void AddTermination(Terminated terminated)
    {
        lock (_gate) _terminations.Add(terminated);
        Signal();
    }

    public bool TryTake(out ReceivedMessage received)
    {
        lock (_gate) return _messages.TryDequeue(out received!);
    }

    public bool TryTakeTermination(IActorRef subject, out Terminated terminated)
    {
        lock (_gate)
        {
            for (var i = 0; i < _terminations.Count; i++)
            {
                if (!_terminations[i].ActorRef.Equals(subject)) continue;
                terminated = _terminations[i];
                _terminations.RemoveAt(i);
                return true;
            }
        }
        terminated = null!;
        return false;
    }

    public ReceivedMessage[] PendingMessages()
    {
        lock (_gate) return _messages.ToArray();
    }

    public Terminated[] PendingTerminations()
    {
        lock (_gate) return _terminations.ToArray();
    }

    /// <summary>A task that completes at the next arrival on either channel.</summary>
    public Task NextArrival()
    {
        lock (_gate) return (_arrival ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    private void Signal()
    {
        TaskCompletionSource? arrival;
        lock (_gate)
        {
            arrival = _arrival;
            _arrival = null;
        }
        arrival?.TrySetResult();
    }
}
