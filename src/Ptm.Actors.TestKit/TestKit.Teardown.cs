using Akka.Event;
using Ptm.Actors.TestKit.Kit;

namespace Ptm.Actors.TestKit;

/// <summary>Teardown: shut the system down, and fail the test on dead letters and errors nobody expected.</summary>
public abstract partial class TestKit
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);
    private bool _failOnDeadLetters = true;
    private bool _failOnLoggedErrors = true;
    private bool _tornDown;

    /// <summary>This test expects dead letters: do not fail at teardown because of them (or expect them with EventFilter.DeadLetter).</summary>
    public void AllowDeadLetters() => _failOnDeadLetters = false;

    /// <summary>This test expects errors in the log: do not fail at teardown because of them (or expect them with EventFilter).</summary>
    public void AllowLoggedErrors() => _failOnLoggedErrors = false;

    /// <summary>Dead letters published so far that no EventFilter expected.</summary>
    public IReadOnlyList<DeadLetter> UnexpectedDeadLetters => TeardownRecord.Get(Sys).DeadLetters;

    /// <summary>Errors logged so far that no EventFilter expected.</summary>
    public IReadOnlyList<Error> UnexpectedErrors => TeardownRecord.Get(Sys).Errors;

    /// <summary>
    /// Shuts the test's actor system down and fails the test (<see cref="TestKitFailure"/>) on
    /// seeding violations, and on dead letters and logged errors no EventFilter expected unless allowed.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        if (_tornDown || !disposing)
        {
            base.Dispose(disposing);
            return;
        }
        _tornDown = true;
        s_current.TryRemove(new KeyValuePair<Type, TestKit>(GetType(), this));
        var problems = Problems();
        // From here on what the system does is shutting down: seeded runs go to the ThreadPool.
        SeededDriver?.ShuttingDown();
        base.Dispose(disposing);
        if (problems.Count > 0)
            throw new TestKitFailure($"Test teardown of {GetType().Name} failed: {string.Join(" | ", problems)}.{SeedNote}");
    }

    /// <summary>What teardown fails on, collected before the system shuts down (letters published while it does are innocuous).</summary>
    private List<string> Problems()
    {
        var problems = new List<string>();
        if (SeedingViolations is { Count: > 0 } violations)
            problems.Add($"{violations.Count} mailbox run(s) reached the seeded queue from another thread while it was driven: {string.Join("; ", violations.Take(5))}");
        var record = TeardownRecord.Get(Sys);
        if (!record.FlushAsync(Sys).Wait(Dilated(FlushTimeout)))
            problems.Add("the kit's log listener did not catch up within its budget: dead letters and errors may be missing below");
        if (_failOnDeadLetters && record.DeadLetters is { Count: > 0 } letters)
            problems.Add($"{letters.Count} unexpected dead letter(s) (call AllowDeadLetters() or use EventFilter.DeadLetter if the test expects them): " +
                         string.Join("; ", letters.Take(10).Select(d => d.Message)));
        if (_failOnLoggedErrors && record.Errors is { Count: > 0 } errors)
            problems.Add($"{errors.Count} error(s) logged (call AllowLoggedErrors() or use EventFilter if the test expects them): " +
                         string.Join("; ", errors.Take(10).Select(e => $"{e.LogSource}: {e.Message}{(e.Cause is null ? "" : $" ({e.Cause.GetType().Name}: {e.Cause.Message})")}")));
        return problems;
    }
}
