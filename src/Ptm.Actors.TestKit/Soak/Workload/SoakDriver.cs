using System.Diagnostics;
using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The loop behind PtySoakWorkload: keeps options.Ptys sessions live (churned), steps each one,
/// samples minors, memory and dead letters, and tears everything down at the end. Single
/// threaded: every event is emitted from here, so their order is the order of observation.
/// </summary>
internal sealed class SoakDriver
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StartRetryDelay = TimeSpan.FromMilliseconds(5);

    private readonly ISoakEventSink _sink;
    private readonly List<PtySession> _live = new();
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly long _quantumTicks;
    private readonly SoakPtys _ptys;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Action<Task> _onCompleted;
    private readonly CancellationTokenSource _abandon = new();
    private int _signalled;
    private long _virtualTicks;
    private long _nextSession;
    private long _nextCallId;
    private long _nextStartTicks;
    private long _nextSampleTicks;
    private long _nextMemoryTicks;
    private long _deadLettersSeen;
    private long _timeTold = -1;
    private readonly SystemPulse _pulse;
    private int _mainSessions;
    private int _burstsRequested;

    public SoakDriver(SoakOptions options, ISoakEventSink sink, SoakPtys ptys, TimeSpan stepQuantum)
    {
        Options = options;
        _sink = sink;
        _ptys = ptys;
        System = ptys.System;
        Deterministic = options.Deterministic;
        if (Deterministic != ptys.Deterministic) throw new ArgumentException("a deterministic run needs a seeded pty system, and only it", nameof(ptys));
        _quantumTicks = stepQuantum.Ticks;
        _onCompleted = _ => Signal();
        _pulse = new SystemPulse(this);
    }

    public SoakOptions Options { get; }
    public PtySystem System { get; }
    public bool Deterministic { get; }

    /// <summary>The run is over: sessions end as soon as they can.</summary>
    public bool Stopping { get; private set; }

    /// <summary>Cancels every blocking read and write still pending late in the teardown (they fail EINTR).</summary>
    public CancellationToken Abandon => _abandon.Token;

    /// <summary>Now, in TimeSpan ticks: virtual time on the deterministic dispatcher, else the wall clock since the start.</summary>
    public long Now => Deterministic ? _virtualTicks : _wall.Elapsed.Ticks;

    public long NextCallId() => ++_nextCallId;

    public void Emit(SoakEvent soakEvent) => _sink.Emit(soakEvent);

    /// <summary>On the thread-pool dispatcher, wakes the loop when the call completes.</summary>
    public void Watch(Task task)
    {
        if (Deterministic || task.IsCompleted) return;
        task.ContinueWith(_onCompleted, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The clone_burst fault: this many extra managers opened and closed at once (L1, L5, L16).</summary>
    public void RequestBurst(int managers) => _burstsRequested += managers;

    /// <summary>
    /// The timer_delay fault: the Clone actor's mailbox is held for a while on the system's
    /// scheduler, so opens, closes and frees are late. False if the Clone actor cannot be held.
    /// </summary>
    public bool DelayClone(TimeSpan delay) => _ptys.DelayClone(delay);

    /// <summary>
    /// How often a session whose subsidiary left output held (PD5) closes a blocking manager
    /// without flushing first, so the close drains for its whole 15 s and then discards (H3, L14).
    /// Cheap on virtual time, which skips the wait; on the wall clock each holds a session 15 s.
    /// </summary>
    public double HeldBlockingCloseChance => Deterministic ? 0.25 : 0.01;

    public async Task RunAsync(CancellationToken ct)
    {
        var end = Options.Duration.Ticks;
        long stopTicks = 0;
        var patience = TeardownPatience.Ticks;
        // A blocking close may take its whole 15 s (H3) before anything is hung.
        var cancelAfter = Math.Max(5 * patience, CloseTime.Ticks + 2 * patience);
        var abandonAfter = cancelAfter + 2 * patience;
        if (!Deterministic) await _pulse.StartAsync().ConfigureAwait(false);
        while (true)
        {
            var now = Now;
            TellTime(Deterministic ? now : _pulse.SystemTicks(now));
            if (!Stopping && (now >= end || ct.IsCancellationRequested))
            {
                Stopping = true;
                stopTicks = now;
            }
            if (Stopping)
            {
                if (_live.Count == 0) break;
                var stuckFor = now - stopTicks;
                // First cancel what blocks (EINTR), then give up on what still does not end.
                // A session waits a patience per step of its ending before it reports a hung call
                // (call_hung); only after a few such steps are blocked calls cancelled, then given up on.
                if (stuckFor > cancelAfter && !_abandon.IsCancellationRequested) _abandon.Cancel();
                if (stuckFor > abandonAfter)
                {
                    foreach (var session in _live) session.Abandon();
                    _live.Clear();
                    break;
                }
            }
            else StartSessions(now);

            var progressed = StepSessions(now);
            Sample(now, force: false);
            // The driver's own next moment: the end of the run, the next start, or the teardown's next limit.
            var driverWake = Stopping
                ? stopTicks + (now - stopTicks <= cancelAfter ? cancelAfter : abandonAfter) + 1
                : Math.Min(end, _mainSessions < Options.Ptys ? _nextStartTicks : long.MaxValue);
            await WaitAsync(progressed, driverWake).ConfigureAwait(false);
        }
        await _pulse.StopAsync().ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        await NameAllocatedMinorsAsync().ConfigureAwait(false);
        Sample(Now, force: true);
    }

    /// <summary>
    /// The checker counts the patience of owed calls in the system's time (TimePassed): virtual
    /// time on the deterministic dispatcher, else wall-clock time while the pty system runs
    /// (SystemPulse). Told at most once a millisecond, before the sessions step, so a call past
    /// its patience is reported before its session can give up on it.
    /// </summary>
    private void TellTime(long now)
    {
        if (_timeTold >= 0 && now - _timeTold < TimeSpan.TicksPerMillisecond) return;
        _timeTold = now;
        Emit(new TimePassed(TimeSpan.FromTicks(now)));
    }

    /// <summary>
    /// Minors still allocated after the settle are leaks (L16): look each minor up (stat of
    /// /dev/pts/N fails ENOENT once it is free), so the checker can name them. Only when the
    /// count says some are left, so a clean run pays nothing.
    /// </summary>
    private async Task NameAllocatedMinorsAsync()
    {
        if (System.AllocatedMinors == 0) return;
        var limit = System.Options.MaxPtys > 0 ? System.Options.MaxPtys : Options.Ptys + PtySoakWorkload.BurstHeadroom;
        var lookups = new Task<SysResult>[limit];
        for (var minor = 1; minor <= limit; minor++) lookups[minor - 1] = System.Posix.StatAsync("/dev/pts/" + minor);
        if (Deterministic) await System.WhenIdleAsync().ConfigureAwait(false);
        await Task.WhenAny(Task.WhenAll(lookups), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        var allocated = new List<int>();
        for (var i = 0; i < limit; i++)
            if (lookups[i].IsCompletedSuccessfully && lookups[i].Result.IsOk) allocated.Add(i + 1);
        Emit(new MinorsStillAllocated(allocated));
    }

    /// <summary>How long a session waits for something the rules promise (an EOF, a hang-up, a call) before it moves on and lets the checker judge.</summary>
    public TimeSpan SessionPatience => TimeSpan.FromSeconds(5);

    /// <summary>
    /// The same once the run is stopping: every session is ending, so what is still missing after
    /// this will not come. Never shorter than the checker's patience for owed calls, which must
    /// judge a parked call before its session closes it away.
    /// </summary>
    public TimeSpan TeardownPatience => InvariantChecker.DefaultCallPatience;

    /// <summary>sd_closetime: how long a blocking close may wait for its output to drain (H3).</summary>
    public static TimeSpan CloseTime => Ptm.Actors.Pty.SideActor.CloseTime;

    private void StartSessions(long now)
    {
        while (_burstsRequested > 0)
        {
            _burstsRequested--;
            _live.Add(new PtySession(this, ++_nextSession, burst: true));
        }
        if (now < _nextStartTicks) return;
        // Open at most a few hundred a step so a fresh run ramps up instead of flooding the Clone actor.
        for (var started = 0; _mainSessions < Options.Ptys && started < 256; started++)
        {
            _live.Add(new PtySession(this, ++_nextSession, burst: false));
            _mainSessions++;
        }
    }

    private bool StepSessions(long now)
    {
        var progressed = false;
        var kept = 0;
        for (var i = 0; i < _live.Count; i++)
        {
            var session = _live[i];
            if (session.Step(now)) progressed = true;
            if (session.Finished)
            {
                if (!session.IsBurst) _mainSessions--;
                // ENOMEM (PD2) while bursts hold minors: do not spin on opens.
                if (!session.WasStarted) _nextStartTicks = now + StartRetryDelay.Ticks;
                continue;
            }
            _live[kept++] = session;
        }
        _live.RemoveRange(kept, _live.Count - kept);
        return progressed;
    }

    private async Task WaitAsync(bool progressed, long driverWake)
    {
        if (Deterministic)
        {
            await System.WhenIdleAsync().ConfigureAwait(false); // runs the actors here, on this thread
            AdvanceVirtualTime(progressed ? _quantumTicks : IdleStep(driverWake));
            return;
        }
        Volatile.Write(ref _signalled, 0);
        if (progressed) return; // something moved: look again at once
        // Bounded: a lost wake-up costs 2 ms, never a hang.
        await _signal.WaitAsync(TimeSpan.FromMilliseconds(2)).ConfigureAwait(false);
    }

    private void AdvanceVirtualTime(long ticks)
    {
        _virtualTicks += ticks;
        _ptys.Advance(TimeSpan.FromTicks(ticks));
    }

    /// <summary>
    /// Nothing moved in this step and the actors are idle: nothing can happen before the next
    /// session wake, the next timer of the pty system (a blocking close's 15 s drain, H3; a held
    /// Clone mailbox) or the driver's own next moment, so virtual time jumps there, in whole steps.
    /// </summary>
    private long IdleStep(long driverWake)
    {
        var now = Now;
        var next = driverWake;
        foreach (var session in _live) next = Math.Min(next, session.NextWake(now));
        if (_ptys.NextTimerIn is { } timer) next = Math.Min(next, now + Math.Max(0, timer.Ticks));
        if (next <= now + _quantumTicks) return _quantumTicks;
        return (next - now + _quantumTicks - 1) / _quantumTicks * _quantumTicks;
    }

    private void Signal()
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 0) _signal.Release();
    }

    // After the last session: let closes reach the Clone actor, so the final minor count is the real one (L16).
    private async Task SettleAsync()
    {
        if (Deterministic)
        {
            await System.WhenIdleAsync().ConfigureAwait(false);
            // A close given up on may still be draining (H3): its 15 s pass on the virtual clock.
            var waited = 0L;
            while (System.AllocatedMinors != 0 && _ptys.NextTimerIn is { } timer && waited <= CloseTime.Ticks)
            {
                var step = Math.Max(_quantumTicks, timer.Ticks);
                AdvanceVirtualTime(step);
                waited += step;
                await System.WhenIdleAsync().ConfigureAwait(false);
            }
            return;
        }
        var deadline = _wall.Elapsed + TimeSpan.FromSeconds(5);
        while (System.AllocatedMinors != 0 && _wall.Elapsed < deadline)
        {
            await Task.WhenAny(System.WhenIdleAsync(), Task.Delay(TimeSpan.FromMilliseconds(50))).ConfigureAwait(false);
            if (System.AllocatedMinors != 0) await Task.Delay(TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
        }
    }

    private void Sample(long now, bool force)
    {
        if (!force && now < _nextSampleTicks) return;
        _nextSampleTicks = now + SampleInterval.Ticks;
        Emit(new MinorsAllocated(System.AllocatedMinors, System.Options.MaxPtys));
        ReportDeadLetters();
        if (!force && now < _nextMemoryTicks) return;
        _nextMemoryTicks = now + MemoryInterval.Ticks;
        Emit(new MemorySample(GC.GetTotalMemory(forceFullCollection: force), Math.Max(System.AllocatedMinors, _live.Count)));
    }

    private void ReportDeadLetters()
    {
        var count = System.UnexpectedDeadLetters;
        if (count == _deadLettersSeen) return;
        var examples = System.UnexpectedDeadLetterExamples;
        for (var n = _deadLettersSeen; n < count; n++)
        {
            var text = n < examples.Count ? examples[(int)n] : "(beyond the first examples)";
            Emit(new DeadLetter(text, "pty system", Expected: false));
        }
        _deadLettersSeen = count;
    }
}
