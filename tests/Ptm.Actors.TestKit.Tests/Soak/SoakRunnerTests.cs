using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;


namespace Ptm.Actors.TestKit.Tests.Soak;

public class SoakRunnerTests
{
    private static SoakOptions Options(TimeSpan? grace = null) => new()
    {
        Duration = TimeSpan.FromSeconds(30),
        Ptys = 2,
        Seed = 1234,
        TeardownGrace = grace ?? SoakOptions.DefaultTeardownGrace,
    };

    private static Task<SoakReport> Run(ISoakWorkload workload, SoakOptions? options = null) =>
        new SoakRunner(options ?? Options(), workload, ISoakDisplay.None, Serilog.Core.Logger.None).RunAsync(CancellationToken.None);

    [Fact]
    public async Task A_clean_trace_reports_its_counters_and_exit_code_zero()
    {
        var report = await Run(new ReplayWorkload(Traces.Clean()));
        Assert.Equal(0, report.TotalViolations);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(2, report.Sessions);
        Assert.Equal(2, report.PeakLiveSessions);
        Assert.Equal(2, report.Operations);
        Assert.Equal(new DirectionBytes(1000, 1000), report.ManagerToSubsidiary);
        Assert.Equal(new DirectionBytes(300, 300), report.SubsidiaryToManager);
        Assert.Equal(50L << 20, report.PeakManagedBytes);
        Assert.Equal(2, report.PeakMinors);
        Assert.Contains(new KeyValuePair<string, long>("crash_manager", 1), report.Faults);
        Assert.Contains(new KeyValuePair<string, long>("timer_delay", 0), report.Faults);
        Assert.InRange(report.LatencyP50.TotalMilliseconds, 1.9, 2.1);
        Assert.InRange(report.LatencyP99.TotalMilliseconds, 3.9, 4.1);
    }

    [Fact]
    public async Task A_violation_gives_exit_code_one_and_its_first_example()
    {
        var trace = Traces.Clean().Minors(3);
        var report = await Run(new ReplayWorkload(trace));
        Assert.Equal(1, report.ExitCode);
        var leak = Assert.Single(report.Violations, v => v.Count > 0);
        Assert.Equal("minor_leak", leak.Kind);
        Assert.Contains("3 minors", leak.FirstExample);
    }

    [Fact]
    public async Task A_workload_s_set_up_does_not_count_against_its_duration()
    {
        // An actor system's start can take longer than a short run on a busy machine: a workload
        // that signals Ready is given its Duration from then, not from before its set-up.
        var workload = new SlowStartingWorkload(TimeSpan.FromMilliseconds(300));
        var report = await Run(workload, Options() with { Duration = TimeSpan.FromMilliseconds(100) });
        Assert.False(workload.StoppedBeforeReady, "the run was stopped during the workload's set-up");
        Assert.Equal(0, report.Violations.Single(v => v.Kind == "workload_hung").Count); // and it was stopped once its Duration had passed
    }

    [Fact]
    public async Task A_workload_that_does_not_return_after_the_stop_is_workload_hung()
    {
        var stuck = new StuckWorkload();
        var options = Options(TimeSpan.FromMilliseconds(50)) with { Duration = TimeSpan.FromMilliseconds(50) };
        var report = await Run(stuck, options);
        stuck.Release.SetResult();
        Assert.Equal(1, report.Violations.Single(v => v.Kind == "workload_hung").Count);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task A_run_on_the_thread_pool_is_told_to_stop_when_its_duration_has_passed()
    {
        var slow = new SlowWorkload(TimeSpan.FromMilliseconds(500));
        var report = await Run(slow, Options() with { Duration = TimeSpan.FromMilliseconds(50) });
        Assert.True(slow.WasStopped);
        Assert.Equal(0, report.Violations.Single(v => v.Kind == "workload_hung").Count);
    }

    [Fact]
    public async Task A_deterministic_run_ends_on_its_virtual_clock_and_the_wall_clock_does_not_stop_it()
    {
        // Stopping it at a wall-clock moment would make what a seed replays depend on the machine's speed.
        var slow = new SlowWorkload(TimeSpan.FromMilliseconds(500));
        var report = await Run(slow, Options() with { Duration = TimeSpan.FromMilliseconds(50), Deterministic = true });
        Assert.False(slow.WasStopped);
        Assert.Equal(0, report.Violations.Single(v => v.Kind == "workload_hung").Count);
        // Well past the 50 ms Duration; not the full 500 ms, because the timer behind Task.Delay
        // may fire a millisecond early by the Stopwatch (seen: 497 ms under load).
        Assert.True(report.Elapsed >= TimeSpan.FromMilliseconds(400), $"the run was reported after {report.Elapsed}");
    }

    [Fact]
    public async Task A_workload_that_throws_fails_the_run()
    {
        var report = await Run(new FailingWorkload());
        var error = report.Violations.Single(v => v.Kind == "harness_error");
        Assert.Contains("host API refused", error.FirstExample);
    }
}
