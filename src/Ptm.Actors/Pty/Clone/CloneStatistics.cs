namespace Ptm.Actors.Pty;

/// <summary>Counters the Clone actor publishes for the host (leak checks, soak and bench reports).</summary>
public sealed class CloneStatistics
{
    private int _allocated;
    private int _peak;
    private int _unexpectedFailures;

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

    internal void RecordUnexpectedFailure(Exception cause)
    {
        if (Interlocked.Increment(ref _unexpectedFailures) == 1) FirstUnexpectedFailure = cause;
    }

    internal void RecordPeak(int inUse)
    {
        if (inUse > _peak) Volatile.Write(ref _peak, inUse);
    }
}
