using System.Text.Json;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Tests.Soak;

namespace Ptm.Actors.Cli.Tests.Soak;

/// <summary>
/// Ctrl+C in a soak, in process (issue 16): the run stops, is checked on what ran, says it was
/// interrupted and exits 130 (1 with violations). The seed and the replay line come first.
/// The same through a real SIGINT is SoakSigintTests.
/// </summary>
public class SoakInterruptTests
{
    /// <summary>Replays its trace, then presses Ctrl+C itself and runs until it is told to stop.</summary>
    private sealed class InterruptingWorkload(CancellationTokenSource interrupt, TraceBuilder trace) : ISoakWorkload
    {
        public bool StoppedByTheInterrupt { get; private set; }

        public async Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct)
        {
            foreach (var e in trace.Events) sink.Emit(e);
            interrupt.Cancel();
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            StoppedByTheInterrupt = ct.IsCancellationRequested;
        }
    }

    /// <summary>Notes what had been printed when the run began.</summary>
    private sealed class WatchingWorkload(StringWriter output) : ISoakWorkload
    {
        public string PrintedBeforeTheRun { get; private set; } = "";
        public SoakOptions? Options { get; private set; }

        public Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct)
        {
            PrintedBeforeTheRun = output.ToString();
            Options = options;
            foreach (var e in Traces.Clean().Events) sink.Emit(e);
            return Task.CompletedTask;
        }
    }

    private static SoakOutcome Run(Func<StringWriter, ISoakWorkload> workload, CancellationToken interrupt, params string[] args) =>
        SoakCommandLine.Run(workload, interrupt, args);

    [Fact]
    public void An_interrupted_soak_is_checked_on_what_ran_says_so_and_exits_130()
    {
        using var interrupt = new CancellationTokenSource();
        var workload = new InterruptingWorkload(interrupt, Traces.Clean());
        var path = Path.Combine(Path.GetTempPath(), $"ptm-interrupt-{Guid.NewGuid():N}.json");
        try
        {
            var outcome = Run(_ => workload, interrupt.Token, "--duration", "1h", "--json", path);

            Assert.Equal(130, outcome.ExitCode);
            Assert.True(workload.StoppedByTheInterrupt);
            Assert.Matches(@"interrupted after [0-9.]+ s: no violations in what ran", outcome.Out);
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.True(json.RootElement.GetProperty("interrupted").GetBoolean());
            Assert.True(json.RootElement.GetProperty("interrupted_after_s").GetDouble() < 3600);
            Assert.Equal(2, json.RootElement.GetProperty("sessions").GetInt64()); // what ran was counted
            Assert.Equal(130, json.RootElement.GetProperty("exit_code").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_interrupted_soak_with_violations_exits_1_and_still_says_it_was_interrupted()
    {
        using var interrupt = new CancellationTokenSource();
        var workload = new InterruptingWorkload(interrupt, Traces.Clean().Add(new MinorsAllocated(9, 4)));

        var outcome = Run(_ => workload, interrupt.Token, "--duration", "1h");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("minor_limit_exceeded", outcome.Out);
        Assert.Matches(@"[0-9]+ violation\(s\) \(interrupted after [0-9.]+ s\)", outcome.Out);
    }

    [Fact]
    public void A_soak_that_runs_its_course_is_not_reported_as_interrupted()
    {
        var outcome = Run(_ => new ReplayWorkload(Traces.Clean()), CancellationToken.None, "--duration", "1s");

        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("interrupted", outcome.Out);
    }

    [Fact]
    public void The_seed_and_the_replay_command_line_are_printed_before_the_run_starts()
    {
        WatchingWorkload? workload = null;
        Run(output => workload = new WatchingWorkload(output), CancellationToken.None, "--seed", "77", "--duration", "90s", "--ptys", "12", "--rate-abrupt-close", "0.25");

        Assert.Equal(
            "seed 77; to run the same workload again: ptm soak --seed 77 --duration 90s --ptys 12 --rate-abrupt-close 0.25",
            workload!.PrintedBeforeTheRun.Trim());
    }

    [Fact]
    public void The_replay_command_line_gives_back_the_same_options()
    {
        WatchingWorkload? first = null;
        var outcome = Run(output => first = new WatchingWorkload(output), CancellationToken.None,
            "--duration", "1500ms", "--ptys", "7", "--deterministic", "--rate-crash-manager", "0", "--rate-slow-reader", "0.125",
            "--terminal-share", "0.5", "--memory-budget", "1GiB+128KiB");
        var replay = outcome.Out.Split('\n')[0];
        var args = replay[(replay.IndexOf("ptm soak ", StringComparison.Ordinal) + "ptm soak ".Length)..].Trim().Split(' ');

        WatchingWorkload? second = null;
        Run(output => second = new WatchingWorkload(output), CancellationToken.None, args);

        Assert.Equal(first!.Options! with { FaultRates = null! }, second!.Options! with { FaultRates = null! });
        Assert.Equal(first.Options!.FaultRates.OrderBy(p => p.Key), second.Options!.FaultRates.OrderBy(p => p.Key));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), second.Options.Duration);
    }
}
