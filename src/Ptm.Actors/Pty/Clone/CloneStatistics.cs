namespace Ptm.Actors.Pty;

/// <summary>Counters the Clone actor publishes for the host (leak checks, soak and bench reports).</summary>
internal sealed class CloneStatistics
{
    private int _allocated;
    private int _peak;
    private int _unexpectedFailures;
    private long _unexpectedDeadLetters;
    private readonly List<string> _deadLetterExamples = new();
    private volatile bool _stopping;

    /// <summary>Minors allocated now.</summary>
    public int Allocated
    {
        get => Volatile.Read(ref _allocated);
        internal set => Volatile.Write(ref _allocated, value);
    }

    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Side actors that failed with anything but an injected crash (each one is a bug).</summary>
    public int UnexpectedFailures => Volatile.Read(ref _unexpectedFailures);

    /// <summary>The first unexpected failure, for the report.</summary>
    public Exception? FirstUnexpectedFailure { get; private set; }

    /// <summary>Dead letters nobody expected: not a request answered on its caller's behalf, not pair traffic of a close race.</summary>
    public long UnexpectedDeadLetters => Interlocked.Read(ref _unexpectedDeadLetters);

    /// <summary>The first few unexpected dead letters, as "Message to path".</summary>
    public IReadOnlyList<string> UnexpectedDeadLetterExamples
    {
        get { lock (_deadLetterExamples) return _deadLetterExamples.ToArray(); }
    }

    /// <summary>The PtySystem is shutting down: what is undelivered from now on is expected.</summary>
    internal bool Stopping
    {
        get => _stopping;
        set => _stopping = value;
    }

    internal void RecordUnexpectedDeadLetter(string example)
    {
        Interlocked.Increment(ref _unexpectedDeadLetters);
        lock (_deadLetterExamples)
            if (_deadLetterExamples.Count < 10) _deadLetterExamples.Add(example);
    }

    internal void RecordUnexpectedFailure(Exception cause)
    {
        if (Interlocked.Increment(ref _unexpectedFailures) == 1) FirstUnexpectedFailure = cause;
    }

    internal void RecordPeak(int inUse)
    {
        if (inUse > _peak) Volatile.Write(ref _peak, inUse);
    }
}
