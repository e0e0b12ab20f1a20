namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// One measured number. <paramref name="BaselineKey"/> names the figure measured in the same
/// run that this one is compared against; when left null, <see cref="BaselineMap"/> supplies
/// the standard pairing (e.g. pty_round_trips_per_s -> os_pty_round_trips_per_s).
/// </summary>
internal sealed record Figure(string Key, double Value, string Unit, string? BaselineKey = null)
{
    public string Key { get; } = string.IsNullOrWhiteSpace(Key)
        ? throw new ArgumentException("a figure needs a key", nameof(Key))
        : Key;

    // JSON has no NaN or infinity, and a non-finite figure is a broken measurement anyway.
    public double Value { get; } = double.IsFinite(Value)
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, $"figure {Key} is not a finite number");
}
