using Ptm.Actors.Kernel;

namespace Ptm.Actors.Kernel.Tests;

/// <summary>Small actors the kernel tests share.</summary>
internal sealed class Forwarder(IActorRef target) : UntypedActor
{
    protected override void OnReceive(object message) => target.Tell(message, Sender);
}

internal sealed class Echo : ReceiveActor
{
    public Echo() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Sends 0..count-1 to the target, then stops itself.</summary>
internal sealed class CountThenStop(IActorRef target, int count) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        for (var i = 0; i < count; i++) target.Tell(i, Self);
        Context.Stop(Self);
    }
}

/// <summary>Watches a subject and forwards everything it receives (including Terminated) to a sink.</summary>
internal sealed class Watcher(IActorRef subject, IActorRef sink) : UntypedActor
{
    protected override void PreStart() => Context.Watch(subject);

    protected override void OnReceive(object message) => sink.Tell(message, Sender);
}

/// <summary>Collects messages in a thread-safe list a test reads after the system is idle.</summary>
internal sealed class Collector : IActorRef
{
    private readonly List<object> _messages = new();

    public ActorPath Path { get; } = null!;

    public IReadOnlyList<object> Messages
    {
        get { lock (_messages) return _messages.ToArray(); }
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        lock (_messages) _messages.Add(message);
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);
}
