using Serilog;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The soak workload on the real pty host API (issue 7): options.Ptys sessions live at once,
/// churned, each a seeded random script (PtySession) with injected faults. One driver loop runs
/// every session as a state machine: it starts calls, lets the actors run, and looks at which
/// calls have completed, never awaiting one. On the deterministic dispatcher each step is
/// "start calls, WhenIdleAsync, advance virtual time by StepQuantum", so a seed replays exactly;
/// on the thread-pool dispatcher the loop sleeps until some call completes (or 2 ms pass).
/// Nothing here can wait forever: at teardown blocked reads and writes are cancelled (EINTR)
/// after a grace, and sessions still stuck after that are torn down anyway, which the checker
/// reports as call_hung.
/// </summary>
internal sealed class PtySoakWorkload : ISoakWorkload
{
    /// <summary>Extra minors above options.Ptys for clone bursts; the Clone actor's limit (PD2) is Ptys plus this.</summary>
    public const int BurstHeadroom = 32;

    /// <summary>Virtual time per deterministic step (the default; tests may take bigger steps to run faster).</summary>
    public static readonly TimeSpan DefaultStepQuantum = TimeSpan.FromMilliseconds(1);

    private readonly TimeSpan _stepQuantum;
    private readonly Action<PtySystem>? _onSystemUp;

    public PtySoakWorkload() : this(DefaultStepQuantum) { }

    /// <param name="deterministicStepQuantum">Virtual time per deterministic step.</param>
    /// <param name="onSystemUp">Tests only: sees the pty system before the first session (to plant a bug in it, say).</param>
    public PtySoakWorkload(TimeSpan deterministicStepQuantum, Action<PtySystem>? onSystemUp = null)
    {
        if (deterministicStepQuantum <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(deterministicStepQuantum), "the step must be positive");
        _stepQuantum = deterministicStepQuantum;
        _onSystemUp = onSystemUp;
    }

    /// <summary>
    /// Diagnostics: where the pty system logs instead of the run's logger (the command sends it
    /// to stderr at Debug when PTM_SOAK_PTYLOG is set); null logs to the run's logger.
    /// </summary>
    public ILogger? PtySystemLogOverride { get; init; }

    public bool SignalsReady => true;

    public async Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        var ptys = SoakPtys.Create(options, new PtySystemOptions { MaxPtys = options.Ptys + BurstHeadroom }, PtySystemLog.For(PtySystemLogOverride ?? sink.Log));
        _onSystemUp?.Invoke(ptys.System);
        var driver = new SoakDriver(options, sink, ptys, _stepQuantum);
        sink.Ready(); // the Duration counts from here: the pty system is up
        try
        {
            await driver.RunAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await DisposeBoundedAsync(ptys.System).ConfigureAwait(false);
        }
    }

    // DisposeAsync waits for closes and for the actors to be idle; a stuck actor (or, on the
    // deterministic dispatcher, a close nobody runs because a session was abandoned) must not
    // turn into a hung workload. Normally every descriptor is closed already and this is quick.
    private static async Task DisposeBoundedAsync(PtySystem system)
    {
        var dispose = system.DisposeAsync().AsTask();
        await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
    }
}
