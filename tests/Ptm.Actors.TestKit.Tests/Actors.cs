using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Event;
using Ptm.Actors.TestKit.Faults;

namespace Ptm.Actors.TestKit.Tests;

/// <summary>Replies to every message with the message itself; FailNextMessage can make it throw.</summary>
internal sealed class Echo : FaultableReceiveActor
{
    public Echo() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>An echo that is not faultable: Akka.NET gives a mailbox no way to make it throw.</summary>
internal sealed class PlainEcho : ReceiveActor
{
    public PlainEcho() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Tells its target every message it gets, keeping the original sender.</summary>
internal sealed class Relay(IActorRef target) : UntypedActor
{
    protected override void OnReceive(object message) => target.Tell(message, Sender);
}

/// <summary>Counts what it receives in a shared box, so a test can read the count without a message.</summary>
internal sealed class Counter(StrongBox<int> count) : UntypedActor
{
    protected override void OnReceive(object message) => Interlocked.Increment(ref count.Value);
}

/// <summary>Sends itself a message for every one it receives: it never goes idle.</summary>
internal sealed class Spinner : UntypedActor
{
    protected override void OnReceive(object message) => Self.Tell(message);
}

/// <summary>Starts a timer on "arm" that tells "fired" to the target after the given delay; "chain" re-arms after every firing.</summary>
internal sealed class TimerActor(IActorRef target, TimeSpan delay) : UntypedActor, IWithTimers
{
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "arm": Timers.StartSingleTimer("t", "fired", delay); break;
            case "periodic": Timers.StartPeriodicTimer("t", "tick", delay); break;
            case "chain": Timers.StartSingleTimer("t", "link", delay); break;
            case "link":
                target.Tell("link");
                Timers.StartSingleTimer("t", "link", delay);
                break;
            default: target.Tell(message); break;
        }
    }
}

/// <summary>Logs each message at the level it names ("error:text", "warning:text", else info), then answers "logged".</summary>
internal sealed class Chatty : UntypedActor
{
    protected override void OnReceive(object message)
    {
        var text = (string)message;
        var log = Context.GetLogger();
        if (text.StartsWith("error:", StringComparison.Ordinal)) log.Error("Chatty says {0}", text[6..]);
        else if (text.StartsWith("warning:", StringComparison.Ordinal)) log.Warning("Chatty says {0}", text[8..]);
        else log.Info("Chatty says {0}", text);
        Sender.Tell("logged", Self);
    }
}

/// <summary>On "go" tells its target from a thread of its own while its turn runs: what a seeded queue must refuse.</summary>
internal sealed class CrossThreadTeller(IActorRef target) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        var other = new Thread(() => target.Tell("from another thread", ActorRefs.NoSender));
        other.Start();
        other.Join();
    }
}

/// <summary>A TestKit made inside a test, so the test can dispose it and see what teardown reports.</summary>
internal sealed class ScratchKit() : TestKit(null);
