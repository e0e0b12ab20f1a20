using System.Diagnostics;

namespace Ptm.Actors.TestKit;

/// <summary>
/// A time box around a block of expectations: every wait inside it is cut to what is left of the
/// box, and the block fails if it took longer than the maximum (or less than the minimum).
/// The deadline flows with the async context, so probes see it without being told.
/// </summary>
public static class Within
{
    private static readonly AsyncLocal<long?> s_deadline = new();

    /// <summary>Time left in the innermost enclosing block, or null outside any block.</summary>
    public static TimeSpan? Remaining
    {
        get
        {
            if (s_deadline.Value is not { } deadline) return null;
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }

    public static async Task<T> RunAsync<T>(TimeSpan min, TimeSpan max, double dilation, string? seedNote, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (min > max) throw new ArgumentException($"Within: the minimum {min} exceeds the maximum {max}.", nameof(min));
        var dilatedMax = Dilation.Apply(max, dilation);
        var start = Stopwatch.GetTimestamp();
        var outer = s_deadline.Value;
        var deadline = start + (long)(dilatedMax.TotalSeconds * Stopwatch.Frequency);
        s_deadline.Value = outer is { } o && o < deadline ? o : deadline;
        T result;
        try
        {
            result = await body().ConfigureAwait(false);
        }
        finally
        {
            s_deadline.Value = outer;
        }
        var took = Stopwatch.GetElapsedTime(start);
        if (took > dilatedMax)
            throw new TestKitFailure($"Within: the block took {took.TotalMilliseconds:0} ms, more than its maximum of {dilatedMax.TotalMilliseconds:0} ms (dilation {dilation}).{seedNote}");
        if (took < min)
            throw new TestKitFailure($"Within: the block took {took.TotalMilliseconds:0} ms, less than its minimum of {min.TotalMilliseconds:0} ms.{seedNote}");
        return result;
    }
}
