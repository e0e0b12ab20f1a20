using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Cluster.Directory;
using Ptm.Actors.Cluster.Serialization;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>Every message a pair or the directory sends across nodes comes out of the wire as it went in (CL5).</summary>
public sealed class PairSerializerTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("wire", ConfigurationFactory.ParseString("akka.loglevel = OFF"));

    public void Dispose() => _system.Dispose();

    /// <summary>"Type:index" into <see cref="Samples"/>: a readable test name for each sample.</summary>
    public static TheoryData<string> Messages()
    {
        var samples = Samples(null);
        return new(Enumerable.Range(0, samples.Count).Select(i => samples[i].GetType().Name + ":" + i));
    }

    private static List<object> Samples(IActorRef? actorRef)
    {
        var bytes = new ReadOnlyMemory<byte>([1, 2, 3, 250]);
        var who = new Credentials(1000, 7, zone: 3, privileged: false);
        var actor = actorRef ?? ActorRefs.Nobody;
        return
        [
            new DataMessage(bytes), DataMessage.Empty, new DataRun([new DataMessage(bytes), DataMessage.Empty, new DataMessage(new byte[] { 9 })]),
            new Credit(1L << 40), SubsidiaryOpened.Instance, Connected.Instance, SubsidiaryClosed.Instance, HangupMessage.Instance,
            new ProtoMessage(bytes, new byte[] { 7 }, Priority: true), new ErrorMessage(Errno.None, Errno.EINVAL), new FlushMessage(FlushFlags.FLUSHRW),
            new SignalMessage(Signal.SIGWINCH, Priority: true), BreakMessage.Instance, new FlowMessage(FlowKind.StartInput), new ReadMessage(17),
            new CtlMessage(CtlMessage.NoCanon), new IoctlMessage(42, IoctlCommands.TIOCSWINSZ, bytes, who), new IoctlMessage(43, 5, null, Credentials.Root),
            new IoctlAck(42, 1, bytes), new IoctlAck(44, 0), new IoctlNak(45, Errno.ENXIO),
            new SetOptionsMessage(WaterMarks.StreamHead, ReadMode.MessageNondiscard, IsTty: true, ReadNotify: false), new SetOptionsMessage(null),
            new DescribePty(5), new PtyDescription(5, actor, Locked: false, ManagerClosing: true, 3, 1000, 7), new PtyDescription(6, null, true, false, 0, 0, 0),
            new RegisterManager(actor, actor, 9), new ManagerRegistered(2, Errno.ENOMEM), new LookUpName(3, "akka.tcp://ptm@127.0.0.1:1"),
            new NameFound(actor, actor, 4, Errno.None), new NameFound(null, null, 0, Errno.ENOENT), new RegisterSubsidiary(3, actor, actor, "akka.tcp://ptm@127.0.0.1:2"),
            new OpenAbandoned(3, "akka.tcp://ptm@127.0.0.1:2"), CountNames.Instance, new NameCount(12),
            new RememberedManager(4, actor, actor, 2), Recall.Instance,
            new Recollection([new RememberedManager(4, actor, actor, 2)], [new RegisterSubsidiary(4, actor, actor, "x"), new RegisterSubsidiary(5, actor, actor, "y")]),
            new Recollection([], []),
            PeerProbe.Instance, PairBroken.Instance, new Sequenced(1L << 33, new Credit(5)), new Sequenced(2, PeerProbe.Instance),
            new Sequenced(7, new DataMessage(bytes)), new Sequenced(8, new IoctlMessage(46, IoctlCommands.TIOCSWINSZ, bytes, who)), new Sequenced(9, HangupMessage.Instance),
        ];
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_comes_out_of_the_wire_as_it_went_in(string which)
    {
        var probe = _system.ActorOf(Props.Empty, "probe");
        var original = Samples(probe)[int.Parse(which[(which.IndexOf(':') + 1)..])];
        var serializer = new PairSerializer((ExtendedActorSystem)_system);

        var manifest = serializer.Manifest(original);
        var wire = serializer.ToBinary(original);
        var copy = serializer.FromBinary(wire, manifest);

        Assert.IsType(original.GetType(), copy);
        Assert.Equal(wire, serializer.ToBinary(copy)); // every field, bytes included, survived (records compare memory by reference)
        var inner = original is Sequenced numbered ? numbered.Message : original;
        if (inner is not (DataMessage or DataRun or ProtoMessage or IoctlMessage or IoctlAck or Recollection)) Assert.Equal(original, copy); // those hold arrays or memory
    }

    [Fact]
    public void A_ref_keeps_its_actor_across_the_wire()
    {
        var probe = _system.ActorOf(Props.Empty, "kept");
        var serializer = new PairSerializer((ExtendedActorSystem)_system);
        var message = new RegisterSubsidiary(1, probe, probe, "here");

        var copy = (RegisterSubsidiary)serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));

        Assert.True(RefIdentity.Same(probe, copy.Subsidiary)); // same path and uid: the same incarnation (CL5, R13)
    }
}
