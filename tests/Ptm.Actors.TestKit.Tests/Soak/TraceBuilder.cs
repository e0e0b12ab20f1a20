using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;
using Ptm.Actors.TestKit.Soak.Workload;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>Builds fabricated soak traces tersely: writes and reads carry real PayloadPattern bytes.</summary>
internal sealed class TraceBuilder
{
    private readonly Dictionary<StreamKey, long> _writeEnd = new();
    private long _nextCall;

    public List<SoakEvent> Events { get; } = new();

    public static StreamKey M2S(long session, int epoch) => new(session, Direction.ManagerToSubsidiary, epoch);
    public static StreamKey S2M(long session, int epoch) => new(session, Direction.SubsidiaryToManager, epoch);

    public TraceBuilder Add(SoakEvent e)
    {
        Events.Add(e);
        return this;
    }

    public TraceBuilder Session(long session, int minor = 1) => Add(new SessionStarted(session, minor));

    public TraceBuilder Open(long session, int epoch) => Add(new SubsidiaryOpened(session, epoch));

    /// <summary>A write of length bytes that returns its full count.</summary>
    public TraceBuilder Write(StreamKey stream, int length)
    {
        var offset = _writeEnd.GetValueOrDefault(stream);
        _writeEnd[stream] = offset + length;
        return Add(new WriteStarted(stream, offset, length)).Add(new Accepted(stream, offset, length));
    }

    /// <summary>A read returning the stream's bytes [offset, offset + length).</summary>
    public TraceBuilder Read(StreamKey stream, long offset, int length) => Add(new Received(stream, Bytes(stream, offset, length)));

    public TraceBuilder Call(long session, string operation, double milliseconds = 1)
    {
        var id = ++_nextCall;
        return Add(new CallStarted(session, id, operation)).Add(new CallCompleted(session, id, TimeSpan.FromMilliseconds(milliseconds), "ok"));
    }

    /// <summary>An orderly subsidiary last close of the epoch, then the manager reads its EOF (L13).</summary>
    public TraceBuilder CloseSubsidiaryAndReadEof(long session, int epoch, SideEnd how = SideEnd.Close) =>
        Add(new SubsidiaryClosing(session, epoch, how)).Add(new SubsidiaryClosed(session, epoch)).Add(new EofSeen(session, Side.Manager, epoch));

    /// <summary>A manager close: non-blocking unless <paramref name="drains"/> (L14; H3 for a draining one, which may have run out its 15 s).</summary>
    public TraceBuilder CloseManager(long session, SideEnd how = SideEnd.Close, bool drains = false, bool drainExpired = false) =>
        Add(new ManagerClosing(session, how, drains)).Add(new ManagerClosed(session, drainExpired));

    public TraceBuilder TearDown(long session) => Add(new SessionTornDown(session));

    public TraceBuilder Minors(int count, int limit = 0) => Add(new MinorsAllocated(count, limit));

    public static byte[] Bytes(StreamKey stream, long offset, int length)
    {
        var bytes = new byte[length];
        PayloadPattern.Fill(stream, offset, bytes);
        return bytes;
    }
}

/// <summary>Feeds a trace to a fresh checker and closes the books.</summary>
internal static class Check
{
    public static ViolationLog Run(TraceBuilder trace, MemoryBudget? budget = null, bool finish = true)
    {
        var log = new ViolationLog(Serilog.Core.Logger.None);
        var checker = new InvariantChecker(log, budget ?? MemoryBudget.Default);
        foreach (var e in trace.Events) checker.Observe(e);
        if (finish) checker.Finish();
        return log;
    }

    /// <summary>Asserts the log holds violations of exactly this kind (at least one) and returns the first example.</summary>
    public static Violation Only(ViolationLog log, ViolationKind kind)
    {
        var others = new List<string>();
        foreach (var other in ViolationKinds.All)
            if (other != kind && log.Count(other) > 0) others.Add($"{ViolationKinds.Name(other)}: {log.First(other)}");
        Assert.True(others.Count == 0, "unexpected violations: " + string.Join("; ", others));
        Assert.True(log.Count(kind) > 0, $"expected a {ViolationKinds.Name(kind)} violation");
        var first = log.First(kind);
        Assert.NotNull(first);
        Assert.Equal(kind, first!.Kind);
        return first;
    }

    public static void Clean(ViolationLog log)
    {
        var found = new List<string>();
        foreach (var kind in ViolationKinds.All)
            if (log.Count(kind) > 0) found.Add($"{ViolationKinds.Name(kind)} x{log.Count(kind)}: {log.First(kind)}");
        Assert.True(found.Count == 0, "expected no violations, got: " + string.Join("; ", found));
    }
}
