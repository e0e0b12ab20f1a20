namespace Ptm.Actors.Cli.Soak;

/// <summary>The counters of a soak run, updated from its events. Not thread-safe: SoakEventSink serialises calls.</summary>
internal sealed class SoakStatistics
{
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
        switch (soakEvent)
        {
            case Received e: _receivedBytes[(int)e.Stream.Direction] += e.Bytes.Length; break;
            case Accepted e: _acceptedBytes[(int)e.Stream.Direction] += Math.Max(e.Length, 0); break;
            case CallCompleted e:
                Operations++;
                if (e.Outcome != "ok") FailedOperations++;
                Latency.Record(e.Latency);
                break;
            case SessionStarted:
                SessionsStarted++;
                LiveSessions++;
                if (LiveSessions > PeakLiveSessions) PeakLiveSessions = LiveSessions;
                break;
            case SessionTornDown: LiveSessions--; break;
            case FaultInjected e: _faults[(int)e.Kind]++; break;
            case ModulesPushed: Terminal = Terminal with { Epochs = Terminal.Epochs + 1 }; break;
            case TerminalSettled: Terminal = Terminal with { Operations = Terminal.Operations + 1 }; break;
            case SignalsTaken e: Terminal = Terminal with { Signals = Terminal.Signals + e.Signals.Count }; break;
            case MemorySample e: if (e.ManagedBytes > PeakManagedBytes) PeakManagedBytes = e.ManagedBytes; break;
            case MinorsAllocated e: if (e.Count > PeakMinors) PeakMinors = e.Count; break;
            case DeadLetter { Expected: true }: ExpectedDeadLetters++; break;
        }
    }
}
