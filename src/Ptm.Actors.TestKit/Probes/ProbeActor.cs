using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>The actor behind a TestProbe: a plain actor on the system's dispatcher (no calling-thread dispatcher, so nothing here can block the test).</summary>
internal sealed class ProbeActor(ProbeQueue queue) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ProbeWatch watch:
                Context.Watch(watch.Subject);
                watch.Registered.TrySetResult();
                break;
            case ProbeUnwatch unwatch:
                Context.Unwatch(unwatch.Subject);
                unwatch.Done.TrySetResult();
                break;
            case Terminated terminated:
                queue.AddTermination(terminated);
                break;
            default:
                queue.Add(message, Sender);
                break;
        }
    }
}

/// <summary>Asks the probe actor to watch; completes once the watch is registered (a Terminated is then guaranteed).</summary>
internal sealed record ProbeWatch(IActorRef Subject, TaskCompletionSource Registered) : INotInfluenceReceiveTimeout;

internal sealed record ProbeUnwatch(IActorRef Subject, TaskCompletionSource Done) : INotInfluenceReceiveTimeout;
