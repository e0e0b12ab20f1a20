namespace Ptm.Actors.TestKit.Soak;

/// <summary>Where a soak workload reports what it does and sees. Thread-safe; events are processed in call order.</summary>
public interface ISoakEventSink
{
    /// <summary>Reports one event; the checker judges it at once, in the order Emit is called.</summary>
    /// <param name="soakEvent">What happened (a SoakEvent subtype).</param>
    void Emit(SoakEvent soakEvent);

    /// <summary>The run's logger: where the workload, and the pty system it drives, log.</summary>
    Serilog.ILogger Log { get; }

    /// <summary>
    /// The workload has set up (its pty system is up) and its run begins now: a wall-clock
    /// Duration counts from here for a workload whose <see cref="ISoakWorkload.SignalsReady"/> is true.
    /// </summary>
    void Ready() { }
}
