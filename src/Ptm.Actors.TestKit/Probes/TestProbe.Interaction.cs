using System.Diagnostics;
using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>Watching, replying, forwarding and the auto-pilot.</summary>
public sealed partial class TestProbe
{
    private readonly HashSet<IActorRef> _watching = new();

    /// <summary>Watches <paramref name="subject"/>; returns once the watch is registered, so its Terminated cannot be missed.</summary>
    public async Task WatchAsync(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Ref.Tell(new ProbeWatch(subject, registered));
        await Settle(registered.Task, $"registering a watch on {subject}").ConfigureAwait(false);
        lock (_watching) _watching.Add(subject);
    }

    public async Task UnwatchAsync(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Ref.Tell(new ProbeUnwatch(subject, done));
        await Settle(done.Task, $"unwatching {subject}").ConfigureAwait(false);
        lock (_watching) _watching.Remove(subject);
    }

    /// <summary>
    /// Expects <paramref name="subject"/>'s Terminated on the probe's watch channel. Ordinary
    /// messages arriving first do not break it: they stay queued for later expectations.
    /// </summary>
    public async Task<Terminated> ExpectTerminatedAsync(IActorRef subject, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        bool watching;
        lock (_watching) watching = _watching.Contains(subject);
        var budget = _driver.Budget(timeout);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_queue.TryTakeTermination(subject, out var terminated))
            {
                lock (_watching) _watching.Remove(subject);
                return terminated;
            }
            if (_driver.System.IsDeterministic)
            {
                _driver.RunUntilIdle();
                if (_queue.TryTakeTermination(subject, out terminated)) return terminated;
                throw TerminatedFailure(subject, watching, start, budget);
            }
            var arrival = _queue.NextArrival();
            if (_queue.TryTakeTermination(subject, out terminated)) return terminated;
            var left = budget - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero) throw TerminatedFailure(subject, watching, start, budget);
            try { await arrival.WaitAsync(left).ConfigureAwait(false); }
            catch (TimeoutException) { throw TerminatedFailure(subject, watching, start, budget); }
        }
    }

    /// <summary>Replies to the sender of the last message taken, with the probe as sender.</summary>
    public void Reply(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (LastSender is null) throw new InvalidOperationException($"Probe '{Name}' cannot reply: it has not taken a message yet.");
        LastSender.Tell(message, Ref);
    }

    /// <summary>Forwards the last message taken to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (LastMessage is null) throw new InvalidOperationException($"Probe '{Name}' cannot forward: it has not taken a message yet.");
        target.Tell(LastMessage, LastSender);
    }

    /// <summary>Tells <paramref name="target"/> <paramref name="message"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Installs (or with null removes) a pilot that sees every ordinary message on the probe actor's turn.</summary>
    public void SetAutoPilot(AutoPilot? pilot) => _queue.Pilot = pilot;

    private async Task Settle(Task done, string what)
    {
        if (_driver.System.IsDeterministic) _driver.RunUntilIdle();
        var budget = _driver.Budget(null);
        try { await done.WaitAsync(budget).ConfigureAwait(false); }
        catch (TimeoutException)
        {
            throw new TestKitFailure($"Probe '{Name}' waited {budget.TotalMilliseconds:0} ms for {what} but the probe actor never ran it.{_driver.SeedNote}");
        }
    }

    private TestKitFailure TerminatedFailure(IActorRef subject, bool watching, long start, TimeSpan budget)
    {
        var how = _driver.System.IsDeterministic
            ? "until the deterministic system was idle"
            : $"{Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms (budget {budget.TotalMilliseconds:0} ms, dilation {_driver.Settings.Dilation})";
        var others = _queue.PendingTerminations();
        var note = watching ? "" : " (the probe is not watching it: call WatchAsync first)";
        return new TestKitFailure(
            $"Probe '{Name}' waited {how} for Terminated of {subject}{note} but received " +
            (others.Length == 0 ? "no Terminated" : $"only Terminated of [{string.Join(", ", others.Select(t => t.ActorRef.ToString()))}]") +
            $"; ordinary messages queued meanwhile: [{string.Join(", ", _queue.PendingMessages().Take(10))}].{_driver.SeedNote}");
    }
}
