using Ptm.Actors.Kernel;

namespace Ptm.Actors.Kernel.Tests;

/// <summary>Reports its lifecycle to a probe: prestart, got:M, prerestart:M, postrestart, poststop; throws on "boom".</summary>
internal sealed class Lifecycle(IActorRef report, string tag = "") : UntypedActor
{
    protected override void PreStart() => report.Tell(tag + "prestart");
    protected override void PostStop() => report.Tell(tag + "poststop");

    protected override void PreRestart(Exception reason, object? message)
    {
        report.Tell(tag + "prerestart:" + message);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        report.Tell(tag + "postrestart");
        base.PostRestart(reason);
    }

    protected override void OnReceive(object message)
    {
        if (message is "boom") throw new InvalidOperationException("boom");
        if (message is "kill-yourself") throw new ActorKilledException("asked to");
        report.Tell(tag + "got:" + message);
    }
}

/// <summary>A supervisor with the given strategy that creates the named children (each a Lifecycle tagged "name:") and relays commands "child:msg".</summary>
internal sealed class Supervisor(IActorRef report, SupervisorStrategy strategy, params string[] children) : UntypedActor
{
    protected override void PreStart()
    {
        report.Tell("supervisor:prestart");
        foreach (var name in children) Context.ActorOf(Props.Create(() => new Lifecycle(report, name + ":")), name);
    }

    protected override void PostStop() => report.Tell("supervisor:poststop");

    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    protected override void OnReceive(object message)
    {
        var text = (string)message;
        if (text == "boom") throw new InvalidOperationException("supervisor boom");
        var colon = text.IndexOf(':');
        Context.Child(text[..colon])!.Tell(text[(colon + 1)..], Sender);
    }
}
