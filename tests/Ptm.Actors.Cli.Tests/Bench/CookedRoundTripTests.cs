using Ptm.Actors.Cli.Bench;
using Ptm.Actors.Cli.Bench.Baselines;
using Ptm.Actors.Cli.Bench.Os;
using Ptm.Actors.Cli.Bench.Pty;

namespace Ptm.Actors.Cli.Tests.Bench;

/// <summary>
/// pty_cooked_round_trips_per_s and its kernel baseline do the same work: one exchange of
/// <see cref="CookedLines"/> checked on each, with no timing involved, and the figures registered.
/// </summary>
public class CookedRoundTripTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10); // a safety net against hangs, never a barrier

    [Fact]
    public void The_simulated_modes_are_illumos_defaults_with_echo_off()
    {
        var expected = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO };
        Assert.Equal(expected, CookedLines.SimulatedModes(Termios.Default));
    }

    [Fact]
    public async Task The_kernel_pty_in_the_cooked_modes_reads_one_whole_line_and_answers_without_echo()
    {
        if (!OsPtyProbe.Cached.IsAvailable) return;
        using var pair = OsPtyPair.Open();
        pair.MakeSubsidiaryCooked();
        var exchange = Task.Factory.StartNew(() =>
        {
            Assert.True(OsPtyPair.WriteAll(pair.Manager, CookedLines.Request));
            var line = new byte[64];
            var n = OsPtyPair.ReadSome(pair.Subsidiary, line); // canonical: the whole line in one read
            Assert.Equal(CookedLines.Request, line[..n]);
            Assert.True(OsPtyPair.WriteAll(pair.Subsidiary, CookedLines.Answer));
            return ReadExactly(pair.Manager, CookedLines.AnswerAtManager.Length);
        }, TaskCreationOptions.LongRunning);
        try
        {
            Assert.Equal(CookedLines.AnswerAtManager, await exchange.WaitAsync(Patience)); // an echo would come first
        }
        finally
        {
            pair.Dispose(); // ends a blocked read if the exchange went wrong
        }
    }

    [Fact]
    public async Task The_simulated_terminal_in_the_cooked_modes_does_the_same_exchange()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync(CookedLines.SimulatedModes(Termios.Default));
        await terminal.Manager.WriteAsync(CookedLines.Request);
        var line = new byte[64];
        var n = await terminal.Subsidiary.ReadAsync(line).WaitAsync(Patience);
        Assert.Equal(CookedLines.Request, line[..n]);
        await terminal.Subsidiary.WriteAsync(CookedLines.Answer);
        var answer = new byte[CookedLines.AnswerAtManager.Length];
        var got = 0;
        while (got < answer.Length) got += await terminal.Manager.ReadAsync(answer.AsMemory(got)).WaitAsync(Patience);
        Assert.Equal(CookedLines.AnswerAtManager, answer);
        Assert.Equal(PollEvents.POLLOUT, await terminal.Manager.PollAsync()); // nothing else to read: no echo
    }

    [Fact]
    public void The_cooked_figure_is_in_the_pty_suite_next_to_its_kernel_baseline()
    {
        var pty = BenchCatalog.Create().BenchmarksOf(SuiteNames.Pty);
        Assert.Contains(pty, b => b is PtyCookedRoundTripBenchmark);
        Assert.Contains(pty, b => b is OsPtyCookedRoundTripBaseline);
        Assert.Equal(BaselineMap.OsPtyCookedRoundTrips, BaselineMap.For(PtyCookedRoundTripBenchmark.FigureKey));
    }

    [Fact]
    public async Task Both_cooked_benchmarks_report_a_rate_or_say_why_not()
    {
        var registry = new BenchRegistry().Add(SuiteNames.Pty, new OsPtyCookedRoundTripBaseline(), new PtyCookedRoundTripBenchmark());

        var report = await BenchRunner.RunAsync(registry, [SuiteNames.Pty], TinyTiming.Options(), TextWriter.Null);

        Assert.Empty(report.Failures);
        Assert.True(report.Find(PtyCookedRoundTripBenchmark.FigureKey)?.Value > 0);
        if (OsPtyProbe.Cached.IsAvailable) Assert.True(report.Find(BaselineMap.OsPtyCookedRoundTrips)?.Value > 0);
        else Assert.Equal([BaselineMap.OsPtyCookedRoundTrips], report.Unavailable.Select(u => u.Key));
    }

    private static byte[] ReadExactly(int fd, int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var n = OsPtyPair.ReadSome(fd, buffer.AsSpan(filled));
            if (n == 0) break;
            filled += n;
        }
        return buffer[..filled];
    }
}
