using System.Globalization;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// The line a soak prints before it starts: its seed and the command line that runs the same
/// workload again (every option that shapes the run, defaults left out), so a run cut short or
/// lost with its terminal can still be repeated.
/// </summary>
internal static class SoakReplayLine
{
    public static string Of(SoakOptions options) =>
        $"seed {options.Seed.ToString(CultureInfo.InvariantCulture)}; "
        + (options.Deterministic ? "to replay this run exactly: " : "to run the same workload again: ")
        + CommandLine(options);

    /// <summary>`ptm soak --seed S --duration D --ptys N ...`: parses back to the same options.</summary>
    public static string CommandLine(SoakOptions options)
    {
        var words = new List<string>
        {
            "ptm", "soak", "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--duration", DurationText.FormatArgument(options.Duration), "--ptys", options.Ptys.ToString(CultureInfo.InvariantCulture),
        };
        if (options.Deterministic) words.Add("--deterministic");
        foreach (var kind in FaultKinds.All)
        {
            var rate = options.FaultRate(kind);
            if (rate != (SoakOptions.DefaultFaultRates.TryGetValue(kind, out var standard) ? standard : 0))
                words.AddRange([FaultKinds.OptionName(kind), Number(rate)]);
        }
        if (options.TerminalShare != SoakOptions.DefaultTerminalShare) words.AddRange(["--terminal-share", Number(options.TerminalShare)]);
        if (options.MemoryBudget != MemoryBudget.Default) words.AddRange(["--memory-budget", $"{options.MemoryBudget.BaseBytes}+{options.MemoryBudget.PerPtyBytes}"]);
        return string.Join(' ', words);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
