using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs.Fakes;

/// <summary>One pseudo-terminal of the fake: two byte queues and the few state bits the runner tests need.</summary>
internal sealed class FakePty(int minor)
{
    public int Minor { get; } = minor;
    public bool Locked { get; set; } = true;
    public long OwnerUid { get; set; }
    public long OwnerGid { get; set; }
    public bool ManagerOpen { get; set; } = true;
    public int SubsidiariesOpen { get; set; }
    /// <summary>Manager closed or crashed: the subsidiary reads what is left, then EOF.</summary>
    public bool HungUp { get; set; }
    public List<byte> ToSubsidiary { get; } = new();
    public List<byte> ToManager { get; } = new();
    /// <summary>Messages sent with putmsg, kept apart from the bytes of write: the fake orders the two kinds only within each.</summary>
    public Queue<MessageParts> MessagesToSubsidiary { get; } = new();
    public Queue<MessageParts> MessagesToManager { get; } = new();
    public string Name => $"/dev/pts/{Minor}";
    /// <summary>The terminal state of the fake: one termios and window size per pty, modules per side, signals for the subsidiary.</summary>
    public Ptm.Actors.Termios Termios { get; set; } = Ptm.Actors.Termios.Default;
    public Ptm.Actors.WindowSize Size { get; set; }
    public List<string> ManagerModules { get; } = new();
    public List<string> SubsidiaryModules { get; } = new();
    public List<Ptm.Actors.Signal> SubsidiarySignals { get; } = new();
}

/// <summary>One descriptor of the fake.</summary>
internal sealed class FakeEnd(FakePty pty, bool isManager, bool nonBlocking)
{
    public FakePty Pty { get; } = pty;
    public bool IsManager { get; } = isManager;
    public bool NonBlocking { get; } = nonBlocking;
    public bool Closed { get; set; }
    public bool Crashed { get; set; }
    public bool IsTty { get; set; }
    /// <summary>The close-time drain's time limit, armed by the first look at a close.</summary>
    public ITimer? DrainTimer { get; set; }
    public bool DrainExpired { get; set; }
}
