using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Pty;
using Ptm.Actors.Runtime;

namespace Ptm.Actors.Tests.Runtime;

/// <summary>
/// A bare Akka.NET actor system whose test actors run on the pty actors' dispatcher
/// (ptm.dispatcher: the chaining executor), so the tests reach its mechanism without a pty:
/// <see cref="RunAfterTurn"/> is what a finished call does (CallCompletion), the driver's idle
/// count is what PtySystem.WhenIdleAsync waits for.
/// </summary>
internal sealed class ChainingSystem : IAsyncDisposable
{
    private static int s_systems;

    public ChainingSystem()
    {
        var quiet = SerilogRouting.AkkaLogging(logger: null); // the actor system logs nothing
        System = ActorSystem.Create("after-turn-" + Interlocked.Increment(ref s_systems), quiet.WithFallback(PtyConfig.Reference));
        Driver = DispatcherDrivers.For(System, PtyConfig.DefaultDispatcher) as ChainingDriver
            ?? throw new InvalidOperationException($"{PtyConfig.DefaultDispatcher} does not run on the chaining executor");
    }

    public ActorSystem System { get; }
    public ChainingDriver Driver { get; }

    public IActorRef ActorOf<TActor>(Func<TActor> create, string name) where TActor : ActorBase =>
        System.ActorOf(ActorFactory.Props(create, PtyConfig.DefaultDispatcher), name);

    /// <summary>What a finished call does with its caller: after the current turn on this thread, or queued outside one.</summary>
    public void RunAfterTurn(Action caller) => Driver.Complete(new Work(caller));

    public Task WhenIdleAsync() => Driver.WhenIdleAsync();

    public async ValueTask DisposeAsync() => await System.Terminate();

    private sealed class Work(Action action) : IThreadPoolWorkItem
    {
        public void Execute() => action();
    }
}
