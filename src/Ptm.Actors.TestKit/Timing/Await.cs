using System.Diagnostics;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Retry an assertion or a condition until it holds. Between tries the kit lets the system run:
/// a deterministic system runs until idle, a thread-pool system is given until it is idle or the
/// interval passes, whichever is first (so a settled system is checked without a fixed sleep).
/// </summary>
public static class Await
{
    public static async Task AssertAsync(SystemDriver driver, Func<Task> assertion, TimeSpan? duration, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var budget = driver.Budget(duration);
        var start = Stopwatch.GetTimestamp();
        var tries = 0;
        while (true)
        {
            tries++;
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                if (Stopwatch.GetElapsedTime(start) >= budget || (driver.System.IsDeterministic && tries > 1))
                    throw new TestKitFailure(
                        $"AwaitAssert: the assertion still failed after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms and {tries} tries " +
                        $"(budget {budget.TotalMilliseconds:0} ms, dilation {driver.Settings.Dilation}). Last failure: {failure.Message}{driver.SeedNote}", failure);
            }
            await LetTheSystemRunAsync(driver, interval, budget - Stopwatch.GetElapsedTime(start)).ConfigureAwait(false);
        }
    }

    public static Task AssertAsync(SystemDriver driver, Action assertion, TimeSpan? duration, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AssertAsync(driver, () => { assertion(); return Task.CompletedTask; }, duration, interval);
    }

    public static async Task ConditionAsync(SystemDriver driver, Func<bool> condition, TimeSpan? duration, TimeSpan? interval, string? what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var budget = driver.Budget(duration);
        var start = Stopwatch.GetTimestamp();
        var tries = 0;
        while (true)
        {
            tries++;
            if (condition()) return;
            if (Stopwatch.GetElapsedTime(start) >= budget || (driver.System.IsDeterministic && tries > 1))
                throw new TestKitFailure(
                    $"AwaitCondition: '{what ?? "condition"}' was still false after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms and {tries} checks " +
                    $"(budget {budget.TotalMilliseconds:0} ms, dilation {driver.Settings.Dilation}).{driver.SeedNote}");
            await LetTheSystemRunAsync(driver, interval, budget - Stopwatch.GetElapsedTime(start)).ConfigureAwait(false);
        }
    }

    private static async Task LetTheSystemRunAsync(SystemDriver driver, TimeSpan? interval, TimeSpan left)
    {
        if (driver.System.IsDeterministic)
        {
            driver.RunUntilIdle();
            return;
        }
        var pause = interval ?? TimeSpan.FromMilliseconds(10);
        if (left < pause) pause = left < TimeSpan.Zero ? TimeSpan.Zero : left;
        var idle = driver.System.WhenIdleAsync();
        if (!idle.IsCompleted)
        {
            // Wait until idle or the interval, whichever first: a wall-clock bound inside the kit, never a barrier in a test.
            await Task.WhenAny(idle, Task.Delay(pause)).ConfigureAwait(false);
        }
        else await Task.Delay(pause).ConfigureAwait(false);
    }
}
