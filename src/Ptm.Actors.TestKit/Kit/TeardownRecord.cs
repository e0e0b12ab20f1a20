using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.TestKit.Kit;

/// <summary>
/// What a TestKit fails the test on at teardown, per actor system (an Akka.NET extension, so the
/// logger Akka.NET creates finds it): dead letters and errors that no EventFilter expected.
/// </summary>
internal sealed class TeardownRecord : IExtension
{
    private readonly object _gate = new();
    private readonly List<DeadLetter> _deadLetters = new();
    private readonly List<Error> _errors = new();
    private readonly List<TaskCompletionSource> _flushes = new();

    public static TeardownRecord Get(ActorSystem system) => system.WithExtension<TeardownRecord, Provider>();

    public IReadOnlyList<DeadLetter> DeadLetters
    {
        get { lock (_gate) return _deadLetters.ToArray(); }
    }

    public IReadOnlyList<Error> Errors
    {
        get { lock (_gate) return _errors.ToArray(); }
    }

    public void Add(DeadLetter letter)
    {
        lock (_gate) _deadLetters.Add(letter);
    }

    public void Add(Error error)
    {
        lock (_gate) _errors.Add(error);
    }

    /// <summary>
    /// Completes once the listener has handled everything published before this call: logging is
    /// asynchronous, and a letter still in the listener's mailbox must not be missed.
    /// </summary>
    public Task FlushAsync(ActorSystem system)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _flushes.Add(flushed);
        system.EventStream.Publish(new TeardownFlush(flushed));
        return flushed.Task;
    }

    private sealed class Provider : ExtensionIdProvider<TeardownRecord>
    {
        public override TeardownRecord CreateExtension(ExtendedActorSystem system) => new();
    }
}

/// <summary>Published by <see cref="TeardownRecord.FlushAsync"/>; the listener completes it in turn.</summary>
internal sealed record TeardownFlush(TaskCompletionSource Done);
