using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace Ptm.Actors.TestKit.Timing;

/*
 * Akka.NET's scheduler for virtual-time systems (HOCON: akka.scheduler.implementation =
 * "Ptm.Actors.TestKit.Timing.VirtualScheduler, Ptm.Actors.TestKit"). Akka.NET makes the
 * scheduler from the configuration alone, so a clock made beforehand is handed over through a
 * registry, by the number in ptm.virtual-time.clock (none: the scheduler makes its own).
 * Akka.NET's TestScheduler does the same job but does not say when its next timer is due,
 * which a driver needs to advance timer by timer.
 *
 * A timer armed with no delay is due now: on a seeded system it waits for the driver (which
 * fires due timers between runs, on its thread); elsewhere (ptm.virtual-time.fire-due-on-thread-pool)
 * it runs at once on the ThreadPool, as it would on a real scheduler.
 */

/// <summary>An Akka.NET scheduler on a <see cref="VirtualClock"/>.</summary>
internal sealed class VirtualScheduler : SchedulerBase, IDateTimeOffsetNowTimeProvider
{
    private static readonly ConcurrentDictionary<long, VirtualClock> s_handedOver = new();
    private static long s_handOvers;
    private readonly bool _dueNowOnThreadPool;

    public VirtualScheduler(Config config, ILoggingAdapter log) : base(config, log)
    {
        var id = config.GetLong("ptm.virtual-time.clock", 0);
        Clock = id != 0 && s_handedOver.TryRemove(id, out var clock) ? clock : new VirtualClock();
        _dueNowOnThreadPool = config.GetBoolean("ptm.virtual-time.fire-due-on-thread-pool", false);
    }

    /// <summary>The clock this scheduler's timers run on.</summary>
    public VirtualClock Clock { get; }

    protected override DateTimeOffset TimeNow => Clock.GetUtcNow();

    public override TimeSpan MonotonicClock => Clock.Elapsed;

    public override TimeSpan HighResMonotonicClock => Clock.Elapsed;

    /// <summary>HOCON for an actor system whose scheduler runs on <paramref name="clock"/> (a new clock when null).</summary>
    /// <param name="clock">The clock to hand over to the scheduler Akka.NET makes from this configuration.</param>
    /// <param name="dueNowOnThreadPool">Run timers armed with no delay at once on the ThreadPool (not for seeded systems, whose driver fires them).</param>
    public static Config ConfigFor(VirtualClock? clock, bool dueNowOnThreadPool)
    {
        var id = 0L;
        if (clock is not null)
        {
            id = Interlocked.Increment(ref s_handOvers);
            s_handedOver[id] = clock;
        }
        return ConfigurationFactory.ParseString($$"""
            akka.scheduler.implementation = "{{typeof(VirtualScheduler).FullName}}, {{typeof(VirtualScheduler).Assembly.GetName().Name}}"
            ptm.virtual-time {
              clock = {{id}}
              fire-due-on-thread-pool = {{(dueNowOnThreadPool ? "on" : "off")}}
            }
            """);
    }

    /// <summary>The virtual clock of <paramref name="system"/>, or null when it runs on real time.</summary>
    public static VirtualClock? ClockOf(ActorSystem system) => ClockOf(system.Scheduler);

    /// <summary>The virtual clock of <paramref name="scheduler"/>, or null when it is a real-time one.</summary>
    public static VirtualClock? ClockOf(IScheduler scheduler) => (scheduler as VirtualScheduler)?.Clock;

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Arm(delay, TimeSpan.Zero, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Arm(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Arm(delay, TimeSpan.Zero, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Arm(delay, TimeSpan.Zero, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Arm(initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Arm(initialDelay, interval, action.Run, cancelable);

    private void Arm(TimeSpan delay, TimeSpan interval, Action action, ICancelable? cancelable)
    {
        Func<bool>? cancelled = cancelable is null ? null : () => cancelable.IsCancellationRequested;
        var safe = Guard(action);
        if (delay <= TimeSpan.Zero && _dueNowOnThreadPool)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Run(), new DueNow(safe, cancelled), preferLocal: false);
            if (interval > TimeSpan.Zero) Clock.Schedule(interval, interval, safe, cancelled);
            return;
        }
        Clock.Schedule(delay, interval, safe, cancelled);
    }

    /// <summary>A failing timer action is logged, as Akka.NET's schedulers do, instead of unwinding whoever advanced the clock.</summary>
    private Action Guard(Action action) => () =>
    {
        try
        {
            action();
        }
        catch (Exception failure)
        {
            Log.Error(failure, "A scheduled action failed on virtual time");
        }
    };

    private sealed class DueNow(Action action, Func<bool>? cancelled)
    {
        public void Run()
        {
            if (cancelled?.Invoke() != true) action();
        }
    }
}
