using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Pty;
using Ptm.Actors.Runtime;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// Akka.NET as the pty actors run on it: an actor system whose fallback configuration is
/// Ptm.Actors' own reference.conf, and every measured actor on its <c>ptm.dispatcher</c> (the
/// chaining executor and the compact mailbox). Props are plain constructor calls: Akka.NET's
/// expression-based Props.Create compiles its arguments and builds each actor by reflection,
/// which would be measured instead of the actor system.
/// </summary>
internal sealed class BenchActorSystem : IAsyncDisposable
{
    /// <summary>The dispatcher of every pty actor (Ptm.Actors' reference.conf).</summary>
    public const string Dispatcher = PtyConfig.DefaultDispatcher;

    // Ptm.Actors' own defaults, and no logging: the same configuration a silent PtySystem.Create gets.
    private static readonly Lazy<Config> s_config = new(() => SerilogRouting.AkkaLogging(logger: null).WithFallback(PtyConfig.Reference));

    private BenchActorSystem(ActorSystem system) => System = system;

    public ActorSystem System { get; }

    public static BenchActorSystem Create(string name) => new(ActorSystem.Create(name, s_config.Value));

    /// <summary>A top-level actor on the pty dispatcher.</summary>
    public IActorRef ActorOf<TActor>(Func<TActor> create, string? name = null) where TActor : ActorBase =>
        System.ActorOf(Props(create), name);

    /// <summary>Props for <paramref name="create"/> on the pty dispatcher.</summary>
    public static Props Props<TActor>(Func<TActor> create) where TActor : ActorBase => ActorFactory.Props(create, Dispatcher);

    public async ValueTask DisposeAsync() => await System.Terminate().ConfigureAwait(false);
}
