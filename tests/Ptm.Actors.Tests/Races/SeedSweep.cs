using System.Diagnostics;
using Ptm.Actors.Tests.Support;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Races;

/// <summary>
/// Runs one race scenario over many seeds of the seeded dispatcher and counts the distinct
/// interleavings (distinct traces of the racing part) the seeds produced. A sweep that saw only
/// one interleaving tested nothing about the race, so it fails.
/// </summary>
internal static class SeedSweep
{
    public const int Seeds = 1000;

    public static int Run(ITestOutputHelper output, string race, Action<DeterministicPty> scenario, int seeds = Seeds, PtySystemOptions? options = null)
    {
        var interleavings = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        using var sweep = new SweepSystem(1, seeds, recordTrace: true);
        for (var seed = 1; seed <= seeds; seed++)
        {
            using var pty = new DeterministicPty(sweep, seed, options);
            scenario(pty);
            var trace = pty.RaceTrace;
            // The trace checks read one message a run (DeterministicPtys' one message a run); two would hide from them.
            Assert.DoesNotContain(trace, entry => entry.IndexOf(':') != entry.LastIndexOf(':'));
            interleavings.Add(string.Join("\n", trace.Select(TraceChecks.WithoutCloneNumber)));
        }
        output.WriteLine($"{race}: {seeds} seeds, {interleavings.Count} distinct interleavings, {clock.ElapsedMilliseconds} ms");
        Assert.True(interleavings.Count > 1, $"{race}: all {seeds} seeds produced the same interleaving, so the race was never exercised");
        return interleavings.Count;
    }
}
