namespace Ptm.Actors.Kernel;

/// <summary>
/// Every undeliverable message, as a typed stream with a count. The first few are logged
/// (ActorSystemOptions.LogDeadLetters) unless they implement IDeadLetterSuppression. During and
/// after shutdown nothing is logged and they are counted apart (<see cref="CountDuringShutdown"/>),
/// but subscribers still see them, so whoever waits on a request that died can be answered.
/// </summary>
public sealed class DeadLetterStream
{
    private readonly ActorSystem _system;
    private readonly object _gate = new();
    private Action<DeadLetter>[] _subscribers = Array.Empty<Action<DeadLetter>>();
    private long _count;
    private long _countDuringShutdown;
    private int _logged;

    internal DeadLetterStream(ActorSystem system) => _system = system;

    /// <summary>Dead letters published while the system was running.</summary>
    public long Count => Interlocked.Read(ref _count);

    public long CountDuringShutdown => Interlocked.Read(ref _countDuringShutdown);

    /// <summary>Calls <paramref name="onDeadLetter"/> for each dead letter (on the thread that produced it) until disposed.</summary>
    public IDisposable Subscribe(Action<DeadLetter> onDeadLetter)
    {
        ArgumentNullException.ThrowIfNull(onDeadLetter);
        lock (_gate) _subscribers = [.. _subscribers, onDeadLetter];
        return new Subscription(this, onDeadLetter);
    }

    /// <summary>Forwards each dead letter to <paramref name="subscriber"/> as a DeadLetter message.</summary>
    public IDisposable Subscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Subscribe(letter => subscriber.Tell(letter));
    }

    internal void Publish(object message, IActorRef? sender, IActorRef recipient)
    {
        var shuttingDown = _system.IsShuttingDown;
        Interlocked.Increment(ref shuttingDown ? ref _countDuringShutdown : ref _count);
        var letter = new DeadLetter(message, sender, recipient);
        if (!shuttingDown && message is not IDeadLetterSuppression && Interlocked.Increment(ref _logged) <= _system.Options.LogDeadLetters)
            _system.Log.Information("Dead letter: {MessageType} from {Sender} to {Recipient}",
                message.GetType().Name, sender?.Path.ToString() ?? "noSender", recipient.Path.ToString());
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber(letter);
    }

    private void Unsubscribe(Action<DeadLetter> subscriber)
    {
        lock (_gate)
        {
            var list = new List<Action<DeadLetter>>(_subscribers);
            list.Remove(subscriber);
            _subscribers = list.ToArray();
        }
    }

    private sealed class Subscription(DeadLetterStream stream, Action<DeadLetter> subscriber) : IDisposable
    {
        public void Dispose() => stream.Unsubscribe(subscriber);
    }
}
