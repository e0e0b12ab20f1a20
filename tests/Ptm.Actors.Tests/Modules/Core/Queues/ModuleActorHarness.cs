using System.Collections.Concurrent;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Modules;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.CoreQueues;

/// <summary>
/// One module actor alone (M4.1), its neighbours probes that record what reaches them, its
/// queues' gauges in the test's hands. The paths of the module core a whole pty cannot steer
/// (a rewire while messages wait, a flush of a held queue) are reached here by telling the
/// actor what a side or a neighbour would. Every wait is bounded: a mutant that holds a
/// message for ever fails the test after <see cref="Patience"/>, never hangs the run.
/// </summary>
internal sealed class ModuleActorHarness : IDisposable
{
    /// <summary>A safety net against a message that never comes, never a barrier.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static int s_systems;

    public ModuleActorHarness(StreamModule module, WaterMarks? aboveMarks = null)
    {
        System = ActorSystem.Create("core-queues-" + Interlocked.Increment(ref s_systems),
            ConfigurationFactory.ParseString("akka.loglevel = OFF\nakka.stdout-loglevel = OFF\nakka.log-dead-letters = off"));
        Side = new Probe(System, "side");
        Above = new Probe(System, "above");
        Below = new Probe(System, "below");
        AboveRead = new QueueGauge(aboveMarks ?? WaterMarks.StreamHead);
        BelowWrite = new QueueGauge(WaterMarks.PtsQueue);
        ReadQueue = new QueueGauge(module.ReadMarks);
        WriteQueue = new QueueGauge(module.WriteMarks);
        var links = new ModuleLinks(Side.Ref, Above.Ref, AboveRead, Below.Ref, BelowWrite);
        Module = System.ActorOf(ActorFactory.Props(() => new ModuleActor(module, links, ReadQueue, WriteQueue), "akka.actor.default-dispatcher"), "module");
        Assert.IsType<ModuleOpened>(Side.Next());
    }

    public ActorSystem System { get; }
    public IActorRef Module { get; }

    /// <summary>The side actor, which started the module and hears ModuleOpened, ModulePopped.</summary>
    public Probe Side { get; }

    /// <summary>The neighbour above (the stream head's side, or a module) and its read queue.</summary>
    public Probe Above { get; }
    public QueueGauge AboveRead { get; }

    /// <summary>The neighbour below (a module, or the driver's side) and its write queue.</summary>
    public Probe Below { get; }
    public QueueGauge BelowWrite { get; }

    /// <summary>The module's own queues, as its neighbours see them.</summary>
    public QueueGauge ReadQueue { get; }
    public QueueGauge WriteQueue { get; }

    /// <summary>What the neighbour above does: count the message on the module's write queue, then send it.</summary>
    public void FromAbove(StreamMessage message)
    {
        WriteQueue.Sent(message);
        Module.Tell(new Downstream(message), Above.Ref);
    }

    /// <summary>What the neighbour below does: count the message on the module's read queue, then send it.</summary>
    public void FromBelow(StreamMessage message)
    {
        ReadQueue.Sent(message);
        Module.Tell(new Upstream(message), Below.Ref);
    }

    public static DataMessage Data(string text) => FakeModuleContext.Data(text);

    /// <summary>A stream message as a test compares it: its type, or "data" and its text (a message's bytes compare by reference).</summary>
    public static string Describe(object received) => received switch
    {
        Downstream { Message: var message } => Describe(message),
        Upstream { Message: var message } => Describe(message),
        DataMessage data => "data " + Encoding.Latin1.GetString(data.Bytes.Span),
        _ => received.GetType().Name,
    };

    public void Dispose() => System.Terminate().Wait(Patience);

    /// <summary>An actor that records every message it receives, in order.</summary>
    internal sealed class Probe
    {
        private readonly BlockingCollection<object> _received = new();

        public Probe(ActorSystem system, string name) => Ref = system.ActorOf(Props.Create(() => new Recorder(_received)), name);

        public IActorRef Ref { get; }

        /// <summary>The next message to arrive; fails after <see cref="Patience"/> if none does.</summary>
        public object Next() =>
            _received.TryTake(out var message, Patience) ? message : throw new Xunit.Sdk.XunitException($"nothing reached {Ref.Path.Name} within {Patience}");

        /// <summary>Every message up to and including the first that <paramref name="last"/> accepts, in order.</summary>
        public List<object> Until(Func<object, bool> last)
        {
            var messages = new List<object>();
            do messages.Add(Next());
            while (!last(messages[^1]));
            return messages;
        }

        private sealed class Recorder(BlockingCollection<object> received) : UntypedActor
        {
            protected override void OnReceive(object message) => received.Add(message);
        }
    }
}

/// <summary>
/// A module that passes everything on, and holds its write side between an M_STOP and an
/// M_START as ptem does for stopped output (M3.6): the test decides, in the order of its own
/// messages, when ordinary messages must wait in the module actor's write queue.
/// </summary>
internal sealed class StoppableModule : StreamModule
{
    private bool _stopped;

    public override string Name => "core-queues-stoppable";

    public override bool HoldsWriteSide => _stopped;

    public override void WritePut(StreamMessage message, IModuleContext context)
    {
        switch (message)
        {
            case FlowMessage { Kind: FlowKind.StopOutput }:
                _stopped = true;
                break;
            case FlowMessage { Kind: FlowKind.StartOutput }:
                _stopped = false;
                context.Enable(); // qenable: the service procedure runs again
                break;
            default:
                context.PutDown(message);
                break;
        }
    }

    public override void ReadPut(StreamMessage message, IModuleContext context) => context.PutUp(message);
}
