namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// How long to measure: one warm-up window, then <see cref="Runs"/> windows of
/// <see cref="Window"/> each whose median is the figure. <see cref="Pairs"/> sizes the
/// scale suite (--pairs N).
/// </summary>
internal sealed record BenchOptions(TimeSpan WarmUp, TimeSpan Window, int Runs, int Pairs)
{
    public const int DefaultPairs = 100_000;

    public int Runs { get; } = Runs >= 1 ? Runs : throw new ArgumentOutOfRangeException(nameof(Runs), Runs, "at least one run");
    public int Pairs { get; } = Pairs >= 1 ? Pairs : throw new ArgumentOutOfRangeException(nameof(Pairs), Pairs, "at least one pair");
    public TimeSpan Window { get; } = Window > TimeSpan.Zero ? Window : throw new ArgumentOutOfRangeException(nameof(Window), Window, "a positive window");

    /// <summary>
    /// Three one-second windows after a three-second warm-up: Akka.NET's actor creation and
    /// dispatch paths take the JIT's tiering about that long to reach their steady speed (pty
    /// open/close measured 6k/s in the first second, 70k/s from the third), and a figure is a
    /// steady rate, not a start-up one.
    /// </summary>
    public static BenchOptions Normal(int pairs = DefaultPairs) =>
        new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), 3, pairs);

    public static BenchOptions Quick(int pairs = DefaultPairs) =>
        new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), 3, pairs);
}
