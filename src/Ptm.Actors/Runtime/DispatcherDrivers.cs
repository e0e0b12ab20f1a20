using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Akka.Actor;

namespace Ptm.Actors.Runtime;

/// <summary>
/// The drivers of each actor system's dispatchers, by dispatcher id. Akka.NET creates an
/// executor when a dispatcher is first used and shuts it down when the dispatcher has been idle
/// a while, then creates another: the driver (idle count, seeded queue) must outlive every
/// executor instance, so it hangs off the system, not the executor.
/// </summary>
internal static class DispatcherDrivers
{
    private static readonly ConditionalWeakTable<ActorSystem, ConcurrentDictionary<string, IDispatcherDriver>> s_bySystem = new();

    public static T GetOrAdd<T>(ActorSystem system, string dispatcherId, Func<T> create) where T : IDispatcherDriver =>
        (T)s_bySystem.GetValue(system, static _ => new ConcurrentDictionary<string, IDispatcherDriver>())
            .GetOrAdd(dispatcherId, _ => create());

    /// <summary>The driver of <paramref name="dispatcherId"/>, creating the dispatcher (and so its executor) if need be.</summary>
    public static IDispatcherDriver For(ActorSystem system, string dispatcherId)
    {
        if (Find(system, dispatcherId) is { } driver) return driver;
        _ = system.Dispatchers.Lookup(dispatcherId); // throws ConfigurationException for an unknown id
        return Find(system, dispatcherId) ?? new UnknownDispatcherDriver();
    }

    private static IDispatcherDriver? Find(ActorSystem system, string dispatcherId) =>
        s_bySystem.TryGetValue(system, out var drivers) && drivers.TryGetValue(dispatcherId, out var driver) ? driver : null;

    /// <summary>
    /// A dispatcher of Akka.NET's own: calls complete with asynchronous continuations (never
    /// inside an actor's turn), and idleness cannot be observed, so waiting for it waits for
    /// the ThreadPool to run what is queued now.
    /// </summary>
    private sealed class UnknownDispatcherDriver : IDispatcherDriver
    {
        public CompletionMode CompletionMode => CompletionMode.Asynchronous;
        public bool IsDeterministic => false;
        public Task WhenIdleAsync() => Task.Run(static () => { });
        public void Complete(IThreadPoolWorkItem completion) => completion.Execute();
        public void ShuttingDown() { }
    }
}
