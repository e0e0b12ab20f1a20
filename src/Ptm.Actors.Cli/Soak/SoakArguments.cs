using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.Cli.Soak;

/// <summary>
/// The soak options as the command line gave them, each already read and checked by its parser
/// (Commands/OptionParsers): what is left is drawing a seed when none was given.
/// </summary>
internal sealed record SoakArguments
{
    public TimeSpan Duration { get; init; } = SoakOptions.DefaultDuration;
    public int Ptys { get; init; } = SoakOptions.DefaultPtys;
    public long? Seed { get; init; }
    public bool Deterministic { get; init; }
    public string? JsonPath { get; init; }
    public MemoryBudget MemoryBudget { get; init; } = MemoryBudget.Default;
    public IReadOnlyDictionary<FaultKind, double> FaultRates { get; init; } = SoakOptions.DefaultFaultRates;
    public double TerminalShare { get; init; } = SoakOptions.DefaultTerminalShare;

    /// <summary>
    /// The run's options. A missing seed is drawn at random here, before anything runs, so it
    /// can be shown with the replay command line before the live display starts.
    /// </summary>
    public SoakOptions ToOptions() => new()
    {
        Duration = Duration,
        Ptys = Ptys,
        Seed = Seed ?? Random.Shared.NextInt64(0, long.MaxValue),
        Deterministic = Deterministic,
        JsonPath = JsonPath,
        FaultRates = FaultRates,
        TerminalShare = TerminalShare,
        MemoryBudget = MemoryBudget,
    };
}
