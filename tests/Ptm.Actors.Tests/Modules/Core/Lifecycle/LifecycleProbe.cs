using System.Globalization;
using System.Text;
using Akka.Actor;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.CoreLifecycle;

/// <summary>
/// A test module for the module actor's own lifecycle (M4.1, M4.2): its timer (qtimeout), its
/// close at a pop, what it holds when popped. Each instance registers under a name of its own, so
/// a test pushes exactly the instance it configured and can look at it afterwards. It passes
/// everything on, except the write-side data "arm N" (arms its timer for N ms) and "cancel"
/// (disarms it), which it consumes; its timer sends "fired" down to the manager.
/// </summary>
internal sealed class LifecycleProbe : StreamModule
{
    private static int s_instances;
    private readonly WaterMarks? _readMarks;

    /// <param name="readMarks">Read queue water marks; a high one lets the module hold much of what the head has no room for.</param>
    public LifecycleProbe(WaterMarks? readMarks = null)
    {
        _readMarks = readMarks;
        Name = "core-life-" + Interlocked.Increment(ref s_instances);
        ModuleRegistry.Register(Name, () => this);
    }

    public override string Name { get; }

    public override WaterMarks ReadMarks => _readMarks ?? base.ReadMarks;

    /// <summary>True while the module holds its write side (as ptem does while output is stopped, M3.6).</summary>
    public bool Holding { get; set; }

    /// <summary>The open routine arms the timer for this long.</summary>
    public TimeSpan? ArmAtOpen { get; init; }

    /// <summary>The timer releases the write side, without calling Enable.</summary>
    public bool ReleaseWhenTimerFires { get; init; }

    /// <summary>The close routine releases the write side and calls Enable (qenable), as a close that restarts output would.</summary>
    public bool ReleaseAtClose { get; init; }

    /// <summary>The close routine sends this data up to the stream head.</summary>
    public string? SaysAtClose { get; init; }

    /// <summary>The module's actor, known from its open (for a test that holds its mailbox).</summary>
    public IActorRef Actor { get; private set; } = ActorRefs.Nobody;

    public override Errno Open(IModuleContext context)
    {
        Actor = ActorCell.GetCurrentSelfOrNoSender() ?? ActorRefs.Nobody;
        if (ArmAtOpen is { } delay) context.StartTimer(delay);
        return Errno.None;
    }

    public override void Close(IModuleContext context)
    {
        if (SaysAtClose is { } note) context.PutUp(new DataMessage(Encoding.ASCII.GetBytes(note)));
        if (!ReleaseAtClose) return;
        Holding = false;
        context.Enable();
    }

    public override bool HoldsWriteSide => Holding;

    public override void WritePut(StreamMessage message, IModuleContext context)
    {
        var command = message is DataMessage data ? Encoding.ASCII.GetString(data.Bytes.Span) : "";
        if (command.StartsWith("arm ", StringComparison.Ordinal)) context.StartTimer(TimeSpan.FromMilliseconds(int.Parse(command[4..], CultureInfo.InvariantCulture)));
        else if (command == "cancel") context.CancelTimer();
        else context.PutDown(message);
    }

    public override void ReadPut(StreamMessage message, IModuleContext context) => context.PutUp(message);

    public override void TimerFired(IModuleContext context)
    {
        if (ReleaseWhenTimerFires) Holding = false;
        context.PutDown(new DataMessage(Encoding.ASCII.GetBytes("fired")));
    }

    /// <summary>Pushes this instance on <paramref name="fd"/> and checks that I_PUSH succeeded.</summary>
    public LifecycleProbe PushOn(DeterministicPty pty, int fd)
    {
        Assert.Equal(0, pty.Ok(pty.Posix.PushAsync(fd, Name), "I_PUSH " + Name));
        return this;
    }
}
