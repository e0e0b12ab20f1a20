using System.Diagnostics;
using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>
/// A test's stand-in actor: whatever is told to <see cref="Ref"/> can be expected, in order, with
/// async waits that never block a pool thread. On a deterministic system every wait first runs
/// the system until idle, so an expectation is answered at once instead of after a timeout.
/// Failure messages name the probe, what it waited for, for how long, and what came instead.
/// </summary>
public sealed partial class TestProbe
{
    private readonly ProbeQueue _queue = new();
    private readonly SystemDriver _driver;
    private readonly List<ReceivedMessage> _history = new();

    /// <summary>A probe on any system, outside a TestKit (default settings: real time unless the system is deterministic).</summary>
    public TestProbe(ActorSystem system, string? name = null)
        : this(new SystemDriver(system, null, new TestKitSettings(), system.DeterministicDispatcher?.Seed), name)
    {
    }

    internal TestProbe(SystemDriver driver, string? name)
    {
        _driver = driver;
        Ref = driver.System.ActorOf(Props.Create(() => new ProbeActor(_queue)), name);
        Name = Ref.Path.Name;
    }

    /// <summary>The probe's actor ref: tell it things, or pass it as a sender.</summary>
    public IActorRef Ref { get; }

    public string Name { get; }

    /// <summary>The sender of the last message taken by an Expect or Receive.</summary>
    public IActorRef LastSender { get; private set; } = null!;

    public object? LastMessage { get; private set; }

    /// <summary>Expects the next message to be a <typeparamref name="T"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) =>
        ExpectCoreAsync<T>($"a {typeof(T).Name}", static _ => null, null, timeout);

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) where T : notnull =>
        ExpectCoreAsync<T>($"{ReceivedMessage.Describe(expected)}",
            m => Equals(m, expected) ? null : "it is not equal", null, timeout);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return ExpectCoreAsync<T>($"a {typeof(T).Name} matching {hint ?? "the predicate"}",
            m => predicate(m) ? null : "it does not match", null, timeout);
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> that passes <paramref name="assertion"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Action<T> assertion, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return ExpectCoreAsync<T>($"a {typeof(T).Name} passing the assertion", m =>
        {
            try { assertion(m); return null; }
            catch (Exception failure) { return "the assertion failed: " + failure.Message; }
        }, null, timeout);
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return ExpectCoreAsync<T>($"a {typeof(T).Name}", static _ => null, sender, timeout);
    }

    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, T expected, TimeSpan? timeout = null) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(sender);
        return ExpectCoreAsync<T>($"{ReceivedMessage.Describe(expected)}", m => Equals(m, expected) ? null : "it is not equal", sender, timeout);
    }

    /// <summary>Takes the next message of any type.</summary>
    public Task<object> ReceiveOneAsync(TimeSpan? timeout = null) =>
        ExpectCoreAsync<object>("any message", static _ => null, null, timeout);

    /// <summary>Takes the next <paramref name="count"/> messages, in order.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var budget = _driver.Budget(timeout);
        var start = Stopwatch.GetTimestamp();
        var received = new List<object>(count);
        while (received.Count < count)
        {
            var next = await NextAsync(budget - Stopwatch.GetElapsedTime(start)).ConfigureAwait(false);
            if (next is null)
                throw Failure($"{count} messages", start, budget,
                    $"only {received.Count}: [{string.Join(", ", received.Select(ReceivedMessage.Describe))}]");
            received.Add(next.Message);
        }
        return received;
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> satisfying <paramref name="isTarget"/>; fails with the skipped ones if none comes.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isTarget, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var budget = _driver.Budget(timeout);
        var start = Stopwatch.GetTimestamp();
        var skipped = new List<ReceivedMessage>();
        while (true)
        {
            var next = await NextAsync(budget - Stopwatch.GetElapsedTime(start)).ConfigureAwait(false);
            if (next is null)
                throw Failure($"a {typeof(T).Name} matching {hint ?? "the predicate"} (fishing)", start, budget,
                    skipped.Count == 0 ? "nothing" : $"only non-matching messages: [{string.Join(", ", skipped)}]");
            if (next.Message is T typed && isTarget(typed)) return typed;
            skipped.Add(next);
        }
    }

    /// <summary>Expects no message once the system has gone quiet (quiescence, not a sleep).</summary>
    public async Task ExpectNoMsgAsync()
    {
        var start = Stopwatch.GetTimestamp();
        await _driver.WaitForIdleAsync().ConfigureAwait(false);
        FailIfAnythingArrived(start, "once the system was idle");
    }

    /// <summary>Expects no message during <paramref name="duration"/> (dilated wall clock; on a deterministic system: until idle).</summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        if (_driver.System.IsDeterministic) _driver.RunUntilIdle();
        else
        {
            var budget = _driver.Budget(duration);
            try { await _queue.NextArrival().WaitAsync(budget).ConfigureAwait(false); }
            catch (TimeoutException) { }
        }
        FailIfAnythingArrived(start, "during the wait");
    }

    private void FailIfAnythingArrived(long start, string when)
    {
        if (!_queue.TryTake(out var unexpected)) return;
        Record(unexpected);
        throw new TestKitFailure(
            $"Probe '{Name}' expected no message {when} but received {unexpected} after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms" +
            $"{MoreQueued()}.{_driver.SeedNote}");
    }

    private async Task<T> ExpectCoreAsync<T>(string what, Func<T, string?> check, IActorRef? from, TimeSpan? timeout)
    {
        var budget = _driver.Budget(timeout);
        var start = Stopwatch.GetTimestamp();
        var next = await NextAsync(budget).ConfigureAwait(false);
        var wanted = from is null ? what : $"{what} from {from}";
        if (next is null) throw Failure(wanted, start, budget, "nothing");
        if (next.Message is not T typed)
            throw Failure(wanted, start, budget, $"{next} (wrong type)");
        if (from is not null && !next.Sender.Equals(from))
            throw Failure(wanted, start, budget, $"{next} (wrong sender)");
        var problem = check(typed);
        if (problem is not null) throw Failure(wanted, start, budget, $"{next} ({problem})");
        return typed;
    }

    /// <summary>The next message, or null when none arrives in time (a deterministic system: none once idle).</summary>
    private async Task<ReceivedMessage?> NextAsync(TimeSpan budget)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_queue.TryTake(out var received))
            {
                Record(received);
                return received;
            }
            if (_driver.System.IsDeterministic)
            {
                _driver.RunUntilIdle();
                if (!_queue.TryTake(out received)) return null;
                Record(received);
                return received;
            }
            var arrival = _queue.NextArrival();
            if (_queue.TryTake(out received))
            {
                Record(received);
                return received;
            }
            var left = budget - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero) return null;
            try { await arrival.WaitAsync(left).ConfigureAwait(false); }
            catch (TimeoutException) { return null; }
        }
    }

    private void Record(ReceivedMessage received)
    {
        LastSender = received.Sender;
        LastMessage = received.Message;
        lock (_history)
        {
            _history.Add(received);
            if (_history.Count > 5) _history.RemoveAt(0);
        }
    }

    private TestKitFailure Failure(string what, long start, TimeSpan budget, string instead)
    {
        var waited = Stopwatch.GetElapsedTime(start);
        var how = _driver.System.IsDeterministic
            ? "until the deterministic system was idle"
            : $"{waited.TotalMilliseconds:0} ms (budget {budget.TotalMilliseconds:0} ms, dilation {_driver.Settings.Dilation})";
        string earlier;
        lock (_history) earlier = _history.Count == 0 ? "" : $"; taken before: [{string.Join(", ", _history)}]";
        return new TestKitFailure($"Probe '{Name}' waited {how} for {what} but received {instead}{earlier}{MoreQueued()}.{_driver.SeedNote}");
    }

    private string MoreQueued()
    {
        var pending = _queue.PendingMessages();
        return pending.Length == 0 ? "" : $"; still queued: [{string.Join(", ", pending.Take(10))}]";
    }
}
