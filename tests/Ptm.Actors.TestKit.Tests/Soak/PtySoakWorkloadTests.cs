using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// The soak workload on the real pty system, on the deterministic dispatcher: ten seconds of
/// virtual time with every fault kind injected must break no rule, and a seed must replay.
/// </summary>
public class PtySoakWorkloadTests
{
    private const long Seed = 20261122;
    private const int Ptys = 64;

    private static SoakOptions Options(TimeSpan duration) => DeterministicSoakRuns.Options(Seed, Ptys, duration);

    private static Task<SoakReport> Run(SoakOptions options) => DeterministicSoakRuns.Run(options);

    [Fact]
    public async Task A_ten_second_deterministic_soak_breaks_no_rule_and_injects_every_fault()
    {
        // Bounded, not timed: about 10 s of wall clock alone, but it shares the machine with the
        // rest of the suite (35 s was seen beside it at load 38), and speed is the bench's job.
        var report = await Run(Options(TimeSpan.FromSeconds(10))).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(report.TotalViolations == 0, DeterministicSoakRuns.Describe(report));
        foreach (var (kind, count) in report.Faults)
            Assert.True(count > 0, $"no {kind} fault was injected\n{DeterministicSoakRuns.Describe(report)}");
        Assert.True(report.Sessions > Ptys, $"sessions were not churned: {report.Sessions}");
        Assert.True(report.ManagerToSubsidiary.Received > 0 && report.SubsidiaryToManager.Received > 0, "no data flowed");
        Assert.InRange(report.PeakMinors, 1, Ptys + PtySoakWorkload.BurstHeadroom);
    }

    [Fact]
    public async Task The_same_seed_replays_the_same_deterministic_run()
    {
        var options = Options(TimeSpan.FromSeconds(2));
        var first = await Run(options);
        var second = await Run(options);

        Assert.Equal(first.Sessions, second.Sessions);
        Assert.Equal(first.Operations, second.Operations);
        Assert.Equal(first.FailedOperations, second.FailedOperations);
        Assert.Equal(first.ManagerToSubsidiary, second.ManagerToSubsidiary);
        Assert.Equal(first.SubsidiaryToManager, second.SubsidiaryToManager);
        Assert.Equal(first.Faults, second.Faults);
        Assert.True(first.Operations > 0);
    }

    [Fact]
    public async Task Another_seed_gives_another_workload()
    {
        var first = await Run(Options(TimeSpan.FromSeconds(1)));
        var other = await Run(Options(TimeSpan.FromSeconds(1)) with { Seed = Seed + 1 });

        Assert.NotEqual((first.Operations, first.ManagerToSubsidiary), (other.Operations, other.ManagerToSubsidiary));
    }

    [Fact]
    public async Task A_short_soak_on_the_thread_pool_tears_every_session_down_in_time()
    {
        var options = Options(TimeSpan.FromSeconds(1)) with { Deterministic = false, TeardownGrace = TimeSpan.FromSeconds(30) };
        var report = await Run(options);

        // Whatever the pty system does, the workload must end, account for every session and free every minor.
        Assert.Equal(0, Count(report, "workload_hung"));
        Assert.Equal(0, Count(report, "harness_error"));
        Assert.Equal(0, Count(report, "minor_leak"));
        Assert.True(report.Sessions >= Ptys, $"only {report.Sessions} sessions started");
        Assert.True(report.Operations > 0);
    }

    private static long Count(SoakReport report, string kind) => report.Violations.Single(v => v.Kind == kind).Count;
}
