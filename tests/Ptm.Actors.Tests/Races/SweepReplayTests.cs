using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Races;

/// <summary>
/// The sweeps run every seed on a shared actor system (SweepSystem); a failing seed is replayed
/// with new DeterministicPty(seed), on a system of its own. Both must be the same interleaving.
/// </summary>
public sealed class SweepReplayTests
{
    private const int Seeds = 30;

    [Fact]
    public void A_seed_of_a_sweep_replays_the_same_race_on_a_system_of_its_own()
    {
        using var sweep = new SweepSystem(1, Seeds, recordTrace: true);
        var interleavings = new HashSet<string>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            string inSweep, alone;
            using (var pty = new DeterministicPty(sweep, seed)) inSweep = Race(pty);
            using (var pty = new DeterministicPty(seed, recordTrace: true)) alone = Race(pty);
            Assert.Equal(alone, inSweep);
            interleavings.Add(alone);
        }
        Assert.True(interleavings.Count > 1, "every seed gave the same interleaving: the comparison proved nothing");
    }

    /// <summary>R4's race: both sides write and close at once.</summary>
    private static string Race(DeterministicPty pty)
    {
        var (manager, subsidiary) = pty.OpenPair();
        pty.BeginRace();
        var calls = new[] { pty.StartWrite(manager, "down"), pty.StartWrite(subsidiary, "up"), pty.Posix.CloseAsync(manager), pty.Posix.CloseAsync(subsidiary) };
        pty.Settle();
        foreach (var call in calls) pty.Done(call);
        return string.Join("\n", pty.RaceTrace.Select(TraceChecks.WithoutCloneNumber));
    }
}
