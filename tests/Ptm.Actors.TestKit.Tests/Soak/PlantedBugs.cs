using Akka.Actor;
using Akka.Dispatch;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// A bug planted in the pty layer for one soak run, through the TestKit's message interception
/// (MessageInterceptors): the product's code is untouched. Each plant strikes one pty, its
/// victim, and says which minor that was, so a test can look for the violation in its session.
/// </summary>
internal abstract class PlantedBug
{
    /// <summary>The victim's minor once the bug has struck, else 0.</summary>
    public int VictimMinor { get; protected set; }

    /// <summary>The session that had the victim's minor when the bug struck (the run's recorder fills it in).</summary>
    public long VictimSession { get; set; } = -1;

    /// <summary>Called when the bug strikes the pty with this minor.</summary>
    public Action<int>? Struck { get; set; }

    public abstract void Intercept(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue);

    protected void Strike(int minor)
    {
        VictimMinor = minor;
        Struck?.Invoke(minor);
    }

    protected bool HasStruck => VictimMinor != 0;

    /// <summary>The minor of a pty side actor ("ptm-N-serial", "pts-N-serial"), else 0.</summary>
    protected static int MinorOf(IActorRef side)
    {
        var parts = side.Path.Name.Split('-');
        return parts.Length == 3 && int.TryParse(parts[1], out var minor) ? minor : 0;
    }

    protected static bool IsSubsidiary(IActorRef actor) => actor.Path.Name.StartsWith("pts-", StringComparison.Ordinal);

    protected static bool IsManager(IActorRef actor) => actor.Path.Name.StartsWith("ptm-", StringComparison.Ordinal);
}

/// <summary>A byte lost on its way from a manager to its subsidiary: the first byte of the Nth data packet a subsidiary receives (PD14).</summary>
internal sealed class DroppedByte(int packet) : PlantedBug
{
    private int _seen;

    public override void Intercept(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue)
    {
        if (!HasStruck && IsSubsidiary(receiver) && Shortened(envelope.Message) is { } shorter && ++_seen == packet)
        {
            Strike(MinorOf(receiver));
            enqueue(new Envelope(shorter, envelope.Sender));
            return;
        }
        enqueue(envelope);
    }

    private static object? Shortened(object message) => message switch
    {
        DataMessage { Bytes.Length: >= 2 } data => new DataMessage(data.Bytes[1..]),
        DataRun { Packets: [{ Bytes.Length: >= 2 } first, ..] } run => new DataRun([new DataMessage(first.Bytes[1..]), .. run.Packets[1..]]),
        _ => null,
    };
}

/// <summary>
/// The subsidiary's stream head does not answer a read after the hang-up (L15): every read that
/// reaches the first hung-up subsidiary afterwards waits, until its close lets it through.
/// </summary>
internal sealed class ParkedReadAfterHangup : PlantedBug
{
    private IActorRef? _hungUp;
    private readonly List<Envelope> _parked = new();

    public override void Intercept(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue)
    {
        if (_hungUp is null && IsSubsidiary(receiver) && envelope.Message is HangupMessage) _hungUp = receiver;
        if (_hungUp is not null && ReferenceEquals(receiver, _hungUp))
        {
            if (envelope.Message is ReadRequest && _parked.Count == 0)
            {
                if (!HasStruck) Strike(MinorOf(receiver));
                _parked.Add(envelope);
                return;
            }
            if (envelope.Message is CloseRequest)
            {
                foreach (var parked in _parked) enqueue(parked);
                _parked.Clear();
            }
        }
        enqueue(envelope);
    }
}

/// <summary>
/// The Clone forgets a manager that crashed with no subsidiary open: its Terminated never
/// reaches the Clone, so the minor is never freed (L16, PD13). Strikes the first such crash.
/// </summary>
internal sealed class LeakAfterLoneCrash : PlantedBug
{
    private readonly Dictionary<IActorRef, IActorRef?> _peerOf = new();
    private IActorRef? _loneCrashed;

    public override void Intercept(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue)
    {
        if (IsManager(receiver))
        {
            switch (envelope.Message)
            {
                case SubsidiaryOpened: _peerOf[receiver] = envelope.Sender; break;
                case SubsidiaryClosed: _peerOf[receiver] = null; break;
                case Terminated t when ReferenceEquals(t.ActorRef, _peerOf.GetValueOrDefault(receiver)): _peerOf[receiver] = null; break;
                case CrashPoke when !HasStruck && _loneCrashed is null && _peerOf.GetValueOrDefault(receiver) is null: _loneCrashed = receiver; break;
            }
        }
        else if (!HasStruck && envelope.Message is Terminated gone && ReferenceEquals(gone.ActorRef, _loneCrashed) && !IsSide(receiver))
        {
            Strike(MinorOf(gone.ActorRef));
            return; // the Clone never learns that the manager is gone
        }
        enqueue(envelope);
    }

    private static bool IsSide(IActorRef actor) => IsManager(actor) || IsSubsidiary(actor);
}

/// <summary>
/// Not a bug: the R13 interleaving, forced. A subsidiary reopened right after a crash introduces
/// itself to the manager before the crash's death notice is in the manager's mailbox: Akka.NET
/// orders nothing between two senders, and the thread pool does this now and then, but the seeded
/// dispatcher hands a death notice over at once, so a seeded run hardly ever does. Here the old
/// subsidiary's Terminated waits at the manager, once the Clone has a reopen of its minor, until
/// the new subsidiary's SubsidiaryOpened has gone in ahead of it.
/// </summary>
internal class ForcedReopenRace : PlantedBug
{
    private readonly Dictionary<IActorRef, IActorRef> _peerOf = new();
    private readonly HashSet<IActorRef> _gone = new();
    private readonly HashSet<int> _crashing = new();
    private readonly HashSet<int> _reopening = new();
    private readonly Dictionary<IActorRef, Envelope> _heldDeath = new();

    /// <summary>How often a newcomer introduced itself while the manager still held a live-looking peer (R13).</summary>
    public int Races { get; private set; }

    public override void Intercept(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue)
    {
        // A reopen of a minor whose subsidiary is being crashed (reopen_after_crash), not an extra open of a live one.
        if (envelope.Message is CrashPoke { Manager: false } && IsSubsidiary(receiver)) _crashing.Add(MinorOf(receiver));
        if (envelope.Message is OpenSubsidiaryRequest open && _crashing.Contains(open.Minor)) _reopening.Add(open.Minor);
        if (!IsManager(receiver))
        {
            Deliver(receiver, envelope, enqueue);
            return;
        }
        switch (envelope.Message)
        {
            case Terminated t when _peerOf.GetValueOrDefault(receiver) is { } peer && ReferenceEquals(t.ActorRef, peer) && !_gone.Contains(peer) && _reopening.Contains(MinorOf(receiver)):
                _heldDeath[receiver] = envelope; // the crashed peer's death notice waits for the newcomer
                return;
            case SubsidiaryOpened:
                if (_peerOf.TryGetValue(receiver, out var old) && !_gone.Contains(old) && !ReferenceEquals(old, envelope.Sender))
                {
                    Races++;
                    OnRace(receiver, envelope.Sender);
                }
                _peerOf[receiver] = envelope.Sender;
                _reopening.Remove(MinorOf(receiver));
                _crashing.Remove(MinorOf(receiver));
                Deliver(receiver, envelope, enqueue);
                ReleaseDeath(receiver, enqueue);
                return;
            case SubsidiaryClosed: _gone.Add(envelope.Sender); break;
            case Terminated t: _gone.Add(t.ActorRef); break;
            case CloseRequest: ReleaseDeath(receiver, enqueue); break; // nothing waits past the manager's close
        }
        Deliver(receiver, envelope, enqueue);
    }

    /// <summary>A newcomer introduced itself to <paramref name="manager"/> while its crashed peer's death notice was still to come.</summary>
    protected virtual void OnRace(IActorRef manager, IActorRef newcomer) { }

    /// <summary>Queues the envelope (a bug planted on top may drop it instead).</summary>
    protected virtual void Deliver(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue) => enqueue(envelope);

    private void ReleaseDeath(IActorRef manager, Action<Envelope> enqueue)
    {
        if (!_heldDeath.Remove(manager, out var death)) return;
        _gone.Add(((Terminated)death.Message).ActorRef);
        enqueue(death);
    }
}

/// <summary>
/// R13 gone wrong: in the forced race, the manager keeps the crashed subsidiary as its peer, so
/// what it sends goes to the dead stream and what the new one sends is not its peer's: the data
/// between the manager and the new subsidiary is lost both ways. Strikes the first race.
/// </summary>
internal sealed class StalePeerAfterReopen : ForcedReopenRace
{
    private IActorRef? _manager;
    private IActorRef? _newcomer;

    protected override void OnRace(IActorRef manager, IActorRef newcomer)
    {
        if (HasStruck) return;
        _manager = manager;
        _newcomer = newcomer;
        Strike(MinorOf(manager));
    }

    protected override void Deliver(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue)
    {
        var stale = ReferenceEquals(receiver, _manager) && ReferenceEquals(envelope.Sender, _newcomer) ||
                    ReferenceEquals(receiver, _newcomer) && ReferenceEquals(envelope.Sender, _manager);
        if (stale && envelope.Message is DataMessage or DataRun) return;
        enqueue(envelope);
    }
}
