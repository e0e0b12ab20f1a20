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

/// <summary>What a side actor is started with, apart from the open call it answers.</summary>
internal readonly record struct SideStart(int Minor, int Zone, IActorRef? Manager, SideCommon Common);

/// <summary>
/// What every manager, or every subsidiary, of one Clone has in common: the Clone, the side's
/// measurements and logs, and (subsidiaries) the M4.6 autopush list. One object per Clone and
/// side, so a side and its Props hold one reference for all of it (memory per idle pair).
/// </summary>
internal sealed class SideCommon(IActorRef clone, Diagnostics.SideDiagnostics diagnostics, string[] autopush, TimeSpan peerProbeInterval)
{
    /// <summary>CL11: how long a side may send a peer on another node nothing before it probes.</summary>
    public TimeSpan PeerProbeInterval { get; } = peerProbeInterval;

    public IActorRef Clone { get; } = clone;
    public Diagnostics.SideDiagnostics Diagnostics { get; } = diagnostics;
    public string[] Autopush { get; } = autopush;
}

/// <summary>
/// The Props of one side actor. An actor's cell keeps its Props for its whole life, and a pty
/// side is idle most of its life, so these are one small object: the start values, the open
/// request (let go of once the actor is built, so an idle pair does not keep its open call and
/// its Task alive), a static factory and a Deploy shared by every side of the Clone.
/// </summary>
internal sealed class SideProps<TActor> : Props where TActor : ActorBase
{
    private readonly SideStart _start;
    private readonly Func<SideStart, OpenRequest, TActor> _create;
    private OpenRequest? _open;

    public SideProps(Deploy deploy, SideStart start, OpenRequest open, Func<SideStart, OpenRequest, TActor> create)
        : base(deploy, typeof(TActor), Array.Empty<object>())
    {
        _start = start;
        _open = open;
        _create = create;
    }

    private SideProps(SideProps<TActor> copy) : base(copy)
    {
        _start = copy._start;
        _open = copy._open;
        _create = copy._create;
    }

    public override ActorBase NewActor() =>
        _create(_start, Interlocked.Exchange(ref _open, null) ?? throw new InvalidOperationException("a pty side is started once: PD13 stops a failed side, never restarts it"));

    protected override Props Copy() => new SideProps<TActor>(this);
}
