namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// Which figure each figure is compared against when it does not name its baseline itself.
/// Declaring a new pairing is one line in <see cref="ByFigure"/>.
/// </summary>
internal static class BaselineMap
{
    public const string ChannelRoundTrips = "baseline_channel_round_trips_per_s";
    public const string OsPtyThroughput4k = "os_pty_throughput_MBps_4k";
    public const string OsPtyRoundTrips = "os_pty_round_trips_per_s";
    public const string OsPtyOpenClose = "os_pty_open_close_per_s";
    public const string OsPtyCookedRoundTrips = "os_pty_cooked_round_trips_per_s";

    private static readonly Dictionary<string, string> ByFigure = new(StringComparer.Ordinal)
    {
        ["pingpong_round_trips_per_s"] = ChannelRoundTrips,
        ["pty_throughput_MBps_4k"] = OsPtyThroughput4k,
        ["pty_round_trips_per_s"] = OsPtyRoundTrips,
        ["pty_open_close_per_s"] = OsPtyOpenClose,
        ["pty_cooked_round_trips_per_s"] = OsPtyCookedRoundTrips,
    };

    /// <summary>The baseline key for <paramref name="figureKey"/>, or null when it has none.</summary>
    public static string? For(string figureKey) => ByFigure.GetValueOrDefault(figureKey);

    /// <summary>The figure's own choice first, then the standard pairing.</summary>
    public static string? For(Figure figure) => figure.BaselineKey ?? For(figure.Key);
}
