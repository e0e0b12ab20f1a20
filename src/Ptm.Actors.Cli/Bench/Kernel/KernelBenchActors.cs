using Akka.Actor;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>The one message object every per-message benchmark passes around, so sending allocates nothing.</summary>
internal sealed class Ball
{
    public static readonly Ball Instance = new();

    private Ball() { }
}

/// <summary>Starts one measured window: keep <see cref="InFlight"/> balls going until <see cref="Deadline"/>, then report the count.</summary>
internal sealed record PlayUntil(long Deadline, int InFlight, TaskCompletionSource<long> Done);

/// <summary>Answers every message to its sender. The far side of ping-pong, Ask and tells.</summary>
internal sealed class EchoActor : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}

/// <summary>
/// The near side of ping-pong: serves <see cref="PlayUntil.InFlight"/> balls to its partner and
/// returns each one until the deadline. Counts every message delivered in either direction.
/// </summary>
internal sealed class PingerActor(IActorRef partner) : UntypedActor
{
    private PlayUntil? _play;
    private long _delivered;
    private int _outstanding;

    protected override void OnReceive(object message)
    {
        if (message is Ball)
        {
            _delivered += 2; // the ping the partner received and the pong that came back
            if (!Measure.Reached(_play!.Deadline)) partner.Tell(Ball.Instance, Self);
            else if (--_outstanding == 0) _play.Done.TrySetResult(_delivered);
        }
        else if (message is PlayUntil play)
        {
            _play = play;
            _delivered = 0;
            _outstanding = play.InFlight;
            for (var i = 0; i < play.InFlight; i++) partner.Tell(Ball.Instance, Self);
        }
        else Unhandled(message);
    }
}

/// <summary>Counts what it receives; <see cref="Drain"/> answers once everything told before it has been counted.</summary>
internal sealed class CountingActor(TellCounter counter) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is Ball) counter.Increment();
        else if (message is Drain drain) drain.Done.TrySetResult(counter.Read());
        else Unhandled(message);
    }
}

internal sealed record Drain(TaskCompletionSource<long> Done);

/// <summary>Written by one actor, read by the sending thread to bound how far it runs ahead.</summary>
internal sealed class TellCounter
{
    private long _count;

    public void Increment() => Volatile.Write(ref _count, _count + 1);

    public long Read() => Volatile.Read(ref _count);
}

/// <summary>
/// An actor that does nothing until told; what bytes_per_idle_actor holds 100,000 of. It counts
/// its start, because Akka.NET starts a top-level actor on another thread after ActorOf returns.
/// </summary>
internal sealed class IdleActor : ReceiveActor
{
    private readonly StartCounter _started;

    public IdleActor(StartCounter started)
    {
        _started = started;
        Receive<Ball>(static _ => { });
    }

    protected override void PreStart() => _started.Increment();
}

/// <summary>How many actors have started; written by many actors at once.</summary>
internal sealed class StartCounter
{
    private long _count;

    public void Increment() => Interlocked.Increment(ref _count);

    public long Read() => Volatile.Read(ref _count);

    /// <summary>Waits (bounded) until <paramref name="expected"/> actors have started, before anything is measured.</summary>
    public Task WhenReachedAsync(long expected) =>
        Patience.Until(() => Read() >= expected, () => $"only {Read():N0} of {expected:N0} actors started");
}
