using System.Globalization;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.Cli.Reports;

/// <summary>The labels the console and HTML charts share, so both say the same thing.</summary>
internal static class ChartText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"≤ 2.5 ms", "≤ 1 s", "> 10 s" for the open-ended last bar.</summary>
    public static string LatencyBar(LatencyBucket bar, TimeSpan previousBound) =>
        bar.UpperBound == TimeSpan.MaxValue ? "> " + Duration(previousBound) : "≤ " + Duration(bar.UpperBound);

    /// <summary>A latency or an instant: "250 us", "2.5 ms", "1.2 s".</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalMilliseconds < 1 ? (span.Ticks / (double)TimeSpan.TicksPerMicrosecond).ToString("0.#", Invariant) + " us"
        : span.TotalSeconds < 1 ? span.TotalMilliseconds.ToString("0.###", Invariant) + " ms"
        : span.TotalSeconds.ToString("0.##", Invariant) + " s";

    /// <summary>"12.3%" of <paramref name="whole"/>, "0%" of nothing.</summary>
    public static string Share(long part, long whole) =>
        whole <= 0 ? "0%" : (100.0 * part / whole).ToString(part * 1000L < whole && part > 0 ? "0.###" : "0.#", Invariant) + "%";

    public static string Count(long count) => count.ToString("N0", Invariant);

    /// <summary>The bars of a latency distribution with their labels.</summary>
    public static IEnumerable<(string Label, long Count)> LatencyBars(IReadOnlyList<LatencyBucket> distribution)
    {
        var previous = TimeSpan.Zero;
        foreach (var bar in distribution)
        {
            yield return (LatencyBar(bar, previous), bar.Count);
            previous = bar.UpperBound;
        }
    }
}
