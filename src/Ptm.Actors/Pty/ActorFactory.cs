using Akka.Actor;

namespace Ptm.Actors.Pty;

/// <summary>
/// Props for the pty actors: a plain constructor call on the given dispatcher. Akka.NET's
/// expression-based Props.Create compiles each argument and builds the actor by reflection,
/// which cost more than the rest of a pty's open.
/// </summary>
internal static class ActorFactory
{
    public static Props Props<TActor>(Func<TActor> create, string dispatcher) where TActor : ActorBase =>
        Akka.Actor.Props.CreateBy(new Producer<TActor>(create)).WithDispatcher(dispatcher);

    private sealed class Producer<TActor>(Func<TActor> create) : IIndirectActorProducer where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => create();

        public void Release(ActorBase actor) { }
    }
}
