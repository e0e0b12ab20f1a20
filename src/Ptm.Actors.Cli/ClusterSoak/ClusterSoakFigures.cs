using System.Collections.Concurrent;

namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>One violation of the cross-node rules (specs/cluster/README.md) or of the rule book they cite.</summary>
internal sealed record ClusterViolation(string Kind, long Session, string Detail);

/// <summary>A node process's part of the report: its last totals, and whether it was killed.</summary>
internal sealed record NodeFigures(string Name, long Sides, long Written, long Read, bool Killed);

/// <summary>
/// What the coordinator counts as the run goes, safe from every session's task. Violations keep
/// their first 20 examples a kind; the counts have them all.
/// </summary>
internal sealed class ClusterSoakFigures
{
    /// <summary>Every kind the cross-node run can report, in the report's order.</summary>
    public static readonly string[] Kinds = ["data_loss", "data_corrupt", "eof_not_once", "hangup_missing", "call_hung", "minor_leak", "harness_error"];

    private readonly ConcurrentDictionary<string, long> _violations = new(Kinds.Select(kind => KeyValuePair.Create(kind, 0L)));
    private readonly ConcurrentQueue<ClusterViolation> _examples = new();
    private readonly ConcurrentDictionary<string, long> _openFailures = new();
    private long _sessionsStarted, _sessionsOpened, _endedOrderly, _endedByLoss, _nodeKills, _restarts, _toSubsidiaries, _toManagers;

    public long SessionsStarted => Interlocked.Read(ref _sessionsStarted);
    public long SessionsOpened => Interlocked.Read(ref _sessionsOpened);
    public long EndedOrderly => Interlocked.Read(ref _endedOrderly);
    public long EndedByLoss => Interlocked.Read(ref _endedByLoss);
    public long NodeKills => Interlocked.Read(ref _nodeKills);
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>Bytes read by subsidiaries, then by managers, in sessions that ended in order (both counted by the reader).</summary>
    public (long ToSubsidiaries, long ToManagers) Bytes => (Interlocked.Read(ref _toSubsidiaries), Interlocked.Read(ref _toManagers));

    public IReadOnlyDictionary<string, long> OpenFailures => _openFailures;
    public IReadOnlyDictionary<string, long> Violations => _violations;
    public IReadOnlyList<ClusterViolation> Examples => [.. _examples];
    public long TotalViolations => _violations.Values.Sum();

    public void SessionStarted() => Interlocked.Increment(ref _sessionsStarted);
    public void SessionOpened() => Interlocked.Increment(ref _sessionsOpened);
    public void NodeKilled() => Interlocked.Increment(ref _nodeKills);
    public void NodeRestarted() => Interlocked.Increment(ref _restarts);
    public void SessionLost() => Interlocked.Increment(ref _endedByLoss);

    public void SessionEnded(long toSubsidiary, long toManager)
    {
        Interlocked.Increment(ref _endedOrderly);
        Interlocked.Add(ref _toSubsidiaries, toSubsidiary);
        Interlocked.Add(ref _toManagers, toManager);
    }

    /// <summary>An open that failed, by its error ("ENOENT", "EAGAIN", "node gone"): expected while a node or the directory is lost, never a violation by itself.</summary>
    public void OpenFailed(string error) => _openFailures.AddOrUpdate(error, 1, (_, count) => count + 1);

    public void Violation(string kind, long session, string detail)
    {
        var count = _violations.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (count <= 20) _examples.Enqueue(new ClusterViolation(kind, session, detail));
    }
}
