using System.Diagnostics;
using Serilog;
using Ptm.Actors.TestKit.Soak.Oracle;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// Runs one soak: hands the workload a sink wired to the checker and the counters, shows
/// progress, stops the workload when the duration is over, gives it TeardownGrace to return
/// (else workload_hung), then closes the books and builds the report. A deterministic run ends
/// on its own virtual clock: stopping it at a wall-clock moment would make what a seed replays
/// depend on the machine's speed, so only Ctrl+C stops it early. A run that the token given to RunAsync
/// (Ctrl+C) stops before its duration is over ends the same way, and its report says when it
/// was interrupted.
/// </summary>
internal sealed class SoakRunner(SoakOptions options, ISoakWorkload workload, ISoakDisplay display, ILogger logger)
{
    public async Task<SoakReport> RunAsync(CancellationToken ct)
    {
        var violations = new ViolationLog(logger);
        var checker = new InvariantChecker(violations, options.MemoryBudget);
        var statistics = new SoakStatistics();
        var sink = new SoakEventSink(checker, statistics, logger);
        var clock = Stopwatch.StartNew();

        // The duration's end and an interrupt both stop the workload; only the second is an interruption.
        using var durationOver = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, durationOver.Token);
        var run = Task.Run(() => workload.RunAsync(options, sink, stop.Token), CancellationToken.None);
        long interruptedAtTicks = -1;
        using var onInterrupt = ct.Register(() =>
        {
            // Not an interruption: a run whose duration was over, or that had returned on its own.
            if (!durationOver.IsCancellationRequested && !run.IsCompleted) Interlocked.CompareExchange(ref interruptedAtTicks, clock.Elapsed.Ticks, -1);
        });
        if (!options.Deterministic) _ = StopAfterDurationAsync(sink, durationOver, stop.Token);
        var settled = WaitWithGraceAsync(run, stop.Token);
        try
        {
            await display.ShowAsync(() => SoakProgress.Read(sink, clock.Elapsed, options.Duration), settled).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The display is a convenience; the run and its verdict go on without it.
            logger.Warning(e, "Soak progress display failed");
        }
        var returned = await settled.ConfigureAwait(false);
        var elapsed = clock.Elapsed;

        if (!returned)
            violations.Record(ViolationKind.WorkloadHung, -1, $"the workload had not returned {DurationText.Format(options.TeardownGrace)} after the run was stopped");
        else if (run.Exception is { } failure)
            violations.Record(ViolationKind.HarnessError, -1, "the workload failed: " + failure.GetBaseException().Message);
        // A workload still running may keep emitting; the checker only reads under the sink's lock.
        sink.Finish();
        // How close owed calls came to their patience (call_hung), for judging it on a loaded machine (--verbose).
        logger.Debug("Longest wait of a call owed an answer: {Wait}", sink.Read((c, _) => DurationText.Format(c.LongestOwedWait)));
        var ticks = Interlocked.Read(ref interruptedAtTicks);
        TimeSpan? interruptedAfter = ticks >= 0 ? TimeSpan.FromTicks(ticks) : null;
        return sink.Read((c, s) => SoakReport.Build(options, elapsed, c, s, interruptedAfter));
    }

    /// <summary>
    /// Cancels the run once Duration has passed on the wall clock, from the workload's Ready when
    /// it signals one (its set-up does not count; bounded in case Ready never comes).
    /// </summary>
    private async Task StopAfterDurationAsync(SoakEventSink sink, CancellationTokenSource durationOver, CancellationToken stopped)
    {
        try
        {
            if (workload.SignalsReady) await Task.WhenAny(sink.WhenReady, Task.Delay(SetUpAllowance, stopped)).ConfigureAwait(false);
            durationOver.CancelAfter(options.Duration);
        }
        catch (ObjectDisposedException)
        {
            // The run is over already.
        }
    }

    /// <summary>The longest a workload's set-up may take before the Duration starts counting anyway.</summary>
    private static readonly TimeSpan SetUpAllowance = TimeSpan.FromSeconds(30);

    // True if the workload returned (in any way) within the grace period after it was told to stop.
    private async Task<bool> WaitWithGraceAsync(Task run, CancellationToken stopped)
    {
        // WhenAny never throws: a cancelled delay just completes it.
        await Task.WhenAny(run, Task.Delay(Timeout.Infinite, stopped)).ConfigureAwait(false);
        if (run.IsCompleted) return true;
        await Task.WhenAny(run, Task.Delay(options.TeardownGrace)).ConfigureAwait(false);
        return run.IsCompleted;
    }
}
