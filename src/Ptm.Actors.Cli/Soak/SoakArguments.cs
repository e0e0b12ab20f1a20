using System.Globalization;

namespace Ptm.Actors.Cli.Soak;

/// <summary>The soak options as typed on the command line, before validation.</summary>
internal sealed record SoakArguments
{
    public string Duration { get; init; } = "60s";
    public int Ptys { get; init; } = SoakOptions.DefaultPtys;
    public long? Seed { get; init; }
    public bool Deterministic { get; init; }
    public string? JsonPath { get; init; }
    public string MemoryBudget { get; init; } = "256MiB+64KiB";
    public IReadOnlyDictionary<FaultKind, double> FaultRates { get; init; } = SoakOptions.DefaultFaultRates;
    public double TerminalShare { get; init; } = SoakOptions.DefaultTerminalShare;

    /// <summary>
    /// Validates every argument and collects every problem (not just the first), so one bad
    /// invocation shows the user all that is wrong. A missing seed is drawn at random and shown
    /// in the report, so any run can be repeated.
    /// </summary>
    public bool TryValidate(out SoakOptions options, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        if (!DurationText.TryParse(Duration, out var duration))
            problems.Add($"--duration: '{Duration}' is not a duration (a number of seconds, or with a unit: 500ms, 90s, 5m, 1h)");
        else if (duration <= TimeSpan.Zero)
            problems.Add($"--duration: must be positive, got '{Duration}'");
        else if (duration > SoakOptions.MaxDuration)
            problems.Add($"--duration: at most {SoakOptions.MaxDuration.TotalDays:0} days, got '{Duration}'");

        if (Ptys < 1 || Ptys > SoakOptions.MaxPtys)
            problems.Add($"--ptys: must be between 1 and {SoakOptions.MaxPtys.ToString("N0", CultureInfo.InvariantCulture)}, got {Ptys}");

        if (Seed is < 0)
            problems.Add($"--seed: must not be negative, got {Seed}");

        foreach (var kind in FaultKinds.All)
        {
            var rate = FaultRates.TryGetValue(kind, out var value) ? value : 0;
            if (double.IsNaN(rate) || rate < 0 || rate > 1)
                problems.Add($"{FaultKinds.OptionName(kind)}: a probability per operation between 0 and 1, got {rate.ToString(CultureInfo.InvariantCulture)}");
        }

        if (double.IsNaN(TerminalShare) || TerminalShare < 0 || TerminalShare > 1)
            problems.Add($"--terminal-share: a share of sessions between 0 and 1, got {TerminalShare.ToString(CultureInfo.InvariantCulture)}");

        if (!Soak.MemoryBudget.TryParse(MemoryBudget, out var budget, out var budgetError))
            problems.Add("--memory-budget: " + budgetError);

        if (JsonPath is not null)
        {
            var full = string.IsNullOrWhiteSpace(JsonPath) ? null : Path.GetFullPath(JsonPath);
            var directory = full is null ? null : Path.GetDirectoryName(full);
            if (full is null || Directory.Exists(full))
                problems.Add($"--json: '{JsonPath}' is not a file name");
            else if (directory is null || !Directory.Exists(directory))
                problems.Add($"--json: the directory of '{JsonPath}' does not exist");
        }

        errors = problems;
        options = problems.Count > 0 ? new SoakOptions() : new SoakOptions
        {
            Duration = duration,
            Ptys = Ptys,
            Seed = Seed ?? Random.Shared.NextInt64(0, long.MaxValue),
            Deterministic = Deterministic,
            JsonPath = JsonPath,
            FaultRates = FaultRates,
            TerminalShare = TerminalShare,
            MemoryBudget = budget,
        };
        return problems.Count == 0;
    }
}
