using Serilog;
using Ptm.Actors.TestKit.Soak.Oracle;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// The sink a run hands its workload: one lock serialises events into the checker and the
/// counters, so their order is the order in which the workload's tasks emitted them. That
/// order is what makes the before/after contract of SoakEvents sound.
/// </summary>
internal sealed class SoakEventSink : ISoakEventSink
{
    private readonly object _gate = new();
    private readonly InvariantChecker _checker;
    private readonly SoakStatistics _statistics;
    private readonly ILogger _logger;

    public SoakEventSink(InvariantChecker checker, SoakStatistics statistics, ILogger logger)
    {
        _checker = checker;
        _statistics = statistics;
        _logger = logger;
    }

    public ILogger Log => _logger;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the workload says it has set up (<see cref="ISoakEventSink.Ready"/>).</summary>
    public Task WhenReady => _ready.Task;

    public void Ready() => _ready.TrySetResult();

    public void Emit(SoakEvent soakEvent)
    {
        ArgumentNullException.ThrowIfNull(soakEvent);
        lock (_gate)
        {
            _statistics.Observe(soakEvent);
            _checker.Observe(soakEvent);
        }
        if (soakEvent is FaultInjected fault)
            _logger.Debug("Soak fault {Kind} injected into session {Session}", FaultKinds.Name(fault.Kind), fault.Session);
    }

    /// <summary>Runs a read of the checker and counters under the same lock the events take.</summary>
    public T Read<T>(Func<InvariantChecker, SoakStatistics, T> read)
    {
        lock (_gate) return read(_checker, _statistics);
    }

    /// <summary>Ends the run's checking: owed events that never came become violations.</summary>
    public void Finish()
    {
        lock (_gate) _checker.Finish();
    }
}
