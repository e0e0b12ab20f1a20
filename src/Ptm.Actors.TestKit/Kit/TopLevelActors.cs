using Akka.Actor;

namespace Ptm.Actors.TestKit.Kit;

/// <summary>
/// Akka.NET's /user guardian starts a top-level actor on its own thread, after ActorOf has
/// returned; messages told meanwhile wait in a placeholder cell. Until every top-level actor is
/// started, idleness means nothing (the dispatcher may be idle only because the actor is not
/// there yet), and a seeded queue must not be driven (the guardian would queue the start from
/// its thread). Once started, the guardian queues nothing more for it.
/// </summary>
internal static class TopLevelActors
{
    public static IReadOnlyCollection<IActorRef> Of(ActorSystem system) =>
        ((ActorRefWithCell)((ExtendedActorSystem)system).Guardian).Underlying.ChildrenContainer.Children;

    /// <summary>True once every top-level actor has started.</summary>
    public static bool AllStarted(ActorSystem system)
    {
        foreach (var child in Of(system))
            if (child is RepointableActorRef { IsStarted: false }) return false;
        return true;
    }

    /// <summary>Waits (bounded) until every top-level actor has started.</summary>
    public static async Task AwaitStartedAsync(ActorSystem system, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (var looks = 0; !AllStarted(system); looks++)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"a top-level actor of '{system.Name}' did not start within {timeout.TotalMilliseconds:0} ms");
            if (looks < 100) await Task.Yield();
            else await Task.Delay(1); // a poll interval, not a barrier: the loop checks the condition
        }
    }
}
