using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit.Tests;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Tells its target every message it gets, keeping the original sender.</summary>
internal sealed class Relay(IActorRef target) : UntypedActor
{
    protected override void OnReceive(object message) => target.Tell(message, Sender);
}

/// <summary>On "go" sends "reply" to its target, then stops itself: a message and a death that race in a naive probe.</summary>
internal sealed class ReplyThenStop(IActorRef target) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        target.Tell("reply", Self);
        Context.Stop(Self);
    }
}

/// <summary>Starts a timer on "arm" that tells "fired" to the target after the given delay; "chain" re-arms after every firing.</summary>
internal sealed class TimerActor(IActorRef target, TimeSpan delay) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "arm": Context.Timers.StartSingleTimer("t", "fired", delay); break;
            case "periodic": Context.Timers.StartPeriodicTimer("t", "tick", delay); break;
            case "chain": Context.Timers.StartSingleTimer("t", "link", delay); break;
            case "link":
                target.Tell("link");
                Context.Timers.StartSingleTimer("t", "link", delay);
                break;
            default: target.Tell(message); break;
        }
    }
}

/// <summary>Logs each message at the level it names ("error:text", "warning:text", "info:text").</summary>
internal sealed class Chatty : UntypedActor
{
    protected override void OnReceive(object message)
    {
        var text = (string)message;
        var log = Context.GetLogger();
        if (text.StartsWith("error:")) log.Error("Chatty says {Text}", text[6..]);
        else if (text.StartsWith("warning:")) log.Warning("Chatty says {Text}", text[8..]);
        else log.Info("Chatty says {Text}", text);
        Sender.Tell("logged", Self);
    }
}

/// <summary>A TestKit built inside a test, so the test can dispose it and look at what teardown reports.</summary>
internal sealed class ScratchKit(TestKitSettings? settings = null) : TestKit(null, settings);
