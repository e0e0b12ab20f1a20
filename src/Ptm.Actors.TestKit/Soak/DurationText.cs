using System.Globalization;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>Durations on the command line: a number with an optional unit ms, s, m or h (seconds if none).</summary>
internal static class DurationText
{
    // "ms" before "s", since it also ends with "s".
    private static readonly (string Unit, double Seconds)[] Units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim().ToLowerInvariant();
        var scale = 1.0;
        foreach (var (unit, seconds) in Units)
        {
            if (!trimmed.EndsWith(unit, StringComparison.Ordinal)) continue;
            trimmed = trimmed[..^unit.Length];
            scale = seconds;
            break;
        }
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        var total = value * scale;
        if (double.IsNaN(total) || double.IsInfinity(total) || Math.Abs(total) > TimeSpan.MaxValue.TotalSeconds / 2) return false;
        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    /// <summary>The duration as the command line takes it back, in the largest unit that keeps it whole: "10m", "90s", "0.5s".</summary>
    public static string FormatArgument(TimeSpan duration)
    {
        foreach (var (unit, seconds) in new[] { ("h", 3600.0), ("m", 60.0), ("s", 1.0) })
        {
            var count = duration.TotalSeconds / seconds;
            if (count >= 1 && count == Math.Floor(count)) return count.ToString("R", CultureInfo.InvariantCulture) + unit;
        }
        return duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) + "s";
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds.ToString(duration.TotalSeconds < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " s";
}
