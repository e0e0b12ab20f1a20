using System.Diagnostics;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Report;

/// <summary>The counters of a soak run, updated from its events. Not thread-safe: SoakEventSink serialises calls.</summary>
internal sealed class SoakStatistics
{
    /// <summary>The timeline's first bucket width: a short run still gets a few dozen buckets.</summary>
    private static readonly TimeSpan FirstTimelineWidth = TimeSpan.FromMilliseconds(100);

    private readonly Func<TimeSpan> _clock;

    /// <summary>The system's time as the workload last told it (TimePassed), if it does.</summary>
    private TimeSpan? _systemTime;
    private readonly CallFailureClassifier _classifier = new();
    private readonly FailedCallCounter _failedCalls = new();
    private readonly SoakTimeline _timeline = new(FirstTimelineWidth);
    private readonly long[] _faults = new long[FaultKinds.All.Length];
    private readonly long[] _acceptedBytes = new long[2];
    private readonly long[] _receivedBytes = new long[2];

    public long SessionsStarted { get; private set; }
    public int LiveSessions { get; private set; }
    public int PeakLiveSessions { get; private set; }
    public long Operations { get; private set; }
    public long FailedOperations { get; private set; }
    public long ExpectedDeadLetters { get; private set; }
    public long PeakManagedBytes { get; private set; }
    public int PeakMinors { get; private set; }
    public LatencyHistogram Latency { get; } = new();

    /// <param name="clock">
    /// Time since the run began, for the timeline of a workload that does not tell the system's
    /// time (TimePassed); null: a stopwatch started now. When it does, the timeline runs on that
    /// time: virtual on the deterministic dispatcher, so a replayed seed draws the same picture.
    /// </param>
    public SoakStatistics(Func<TimeSpan>? clock = null)
    {
        if (clock is null)
        {
            var stopwatch = Stopwatch.StartNew();
            clock = () => stopwatch.Elapsed;
        }
        _clock = clock;
    }

    /// <summary>The failed calls so far, by errno and cause.</summary>
    public FailedCalls FailedCalls => _failedCalls.Snapshot();

    /// <summary>Failed calls that no rule explains (FailureCause.Unattributed) so far.</summary>
    public long UnattributedFailures { get; private set; }

    /// <summary>Live sessions, faults and failed calls over the run so far, in at most SoakTimeline.Capacity buckets.</summary>
    public TimelineSeries Timeline => _timeline.Snapshot(Now);

    private TimeSpan Now => _systemTime ?? _clock();

    /// <summary>Terminal epochs (ptem and ldterm pushed), terminal operations settled, and signals the subsidiaries recorded.</summary>
    public TerminalFigures Terminal { get; private set; } = new(0, 0, 0);

    public long AcceptedBytes(Direction direction) => _acceptedBytes[(int)direction];
    public long ReceivedBytes(Direction direction) => _receivedBytes[(int)direction];
    public long Faults(FaultKind kind) => _faults[(int)kind];

    public long TotalFaults
    {
        get
        {
            long total = 0;
            foreach (var count in _faults) total += count;
            return total;
        }
    }

    public void Observe(SoakEvent soakEvent)
    {
        _classifier.Observe(soakEvent);
        switch (soakEvent)
        {
            case Received e: _receivedBytes[(int)e.Stream.Direction] += e.Bytes.Length; break;
            case Accepted e: _acceptedBytes[(int)e.Stream.Direction] += Math.Max(e.Length, 0); break;
            case CallCompleted e:
                Operations++;
                Latency.Record(e.Latency);
                if (_classifier.Complete(e) is { } cause) Failed(e.Outcome, cause);
                break;
            case SessionStarted:
                SessionsStarted++;
                LiveSessions++;
                if (LiveSessions > PeakLiveSessions) PeakLiveSessions = LiveSessions;
                _timeline.Live(Now, LiveSessions);
                break;
            case SessionTornDown:
                LiveSessions--;
                _timeline.Live(Now, LiveSessions);
                break;
            case FaultInjected e:
                _faults[(int)e.Kind]++;
                _timeline.Fault(Now);
                break;
            case ModulesPushed: Terminal = Terminal with { Epochs = Terminal.Epochs + 1 }; break;
            case TerminalSettled: Terminal = Terminal with { Operations = Terminal.Operations + 1 }; break;
            case SignalsTaken e: Terminal = Terminal with { Signals = Terminal.Signals + e.Signals.Count }; break;
            case MemorySample e: if (e.ManagedBytes > PeakManagedBytes) PeakManagedBytes = e.ManagedBytes; break;
            case MinorsAllocated e: if (e.Count > PeakMinors) PeakMinors = e.Count; break;
            case DeadLetter { Expected: true }: ExpectedDeadLetters++; break;
            case TimePassed e: _systemTime = e.Now; break;
        }
    }

    private void Failed(string errno, FailureCause cause)
    {
        FailedOperations++;
        var expected = FailureCauses.IsExpected(cause);
        if (!expected) UnattributedFailures++;
        _failedCalls.Add(errno, cause);
        _timeline.FailedCall(Now, expected);
    }
}
