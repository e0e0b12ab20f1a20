using System.Text.Json;
using Ptm.Actors.Cli.Bench;
using Ptm.Actors.Cli.Bench.Baselines;
using Ptm.Actors.Cli.Bench.Os;

namespace Ptm.Actors.Cli.Tests.Bench;

public class OsPtyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static bool MachineShouldHaveAPty => OperatingSystem.IsLinux() && File.Exists("/dev/ptmx");

    [Fact]
    public void The_probe_finds_a_pty_where_the_machine_has_one_and_otherwise_says_why()
    {
        var availability = OsPtyProbe.Probe();

        Assert.False(string.IsNullOrWhiteSpace(availability.Reason));
        if (MachineShouldHaveAPty) Assert.True(availability.IsAvailable, availability.Reason);
        else Assert.False(availability.IsAvailable);
    }

    [Fact]
    public async Task Every_byte_value_crosses_a_raw_real_pty_unchanged_both_ways()
    {
        if (!OsPtyProbe.Cached.IsAvailable)
        {
            Assert.False(MachineShouldHaveAPty, OsPtyProbe.Cached.Reason);
            return;
        }
        // Includes CR, NL, ^C, ^S, ^Q, ^V, DEL: raw mode must neither translate, signal,
        // flow-control, echo nor buffer lines, or the bytes read back differ.
        var sent = new byte[256];
        for (var i = 0; i < sent.Length; i++) sent[i] = (byte)i;

        using var pair = OsPtyPair.Open();
        Assert.StartsWith("/dev/pts/", pair.SubsidiaryPath);
        pair.MakeSubsidiaryRaw();

        Assert.True(OsPtyPair.WriteAll(pair.Manager, sent));
        var atSubsidiary = await ReadExactlyAsync(pair, pair.Subsidiary, sent.Length);
        Assert.Equal(sent, atSubsidiary);

        Assert.True(OsPtyPair.WriteAll(pair.Subsidiary, atSubsidiary));
        var atManager = await ReadExactlyAsync(pair, pair.Manager, sent.Length);
        Assert.Equal(sent, atManager);
    }

    [Fact]
    public async Task Closing_the_manager_ends_a_blocked_subsidiary_read()
    {
        if (!OsPtyProbe.Cached.IsAvailable) return;
        using var pair = OsPtyPair.Open();
        pair.MakeSubsidiaryRaw();
        var read = Task.Factory.StartNew(() => OsPtyPair.ReadSome(pair.Subsidiary, new byte[16]), TaskCreationOptions.LongRunning);

        pair.CloseManager();

        Assert.Equal(0, await read.WaitAsync(Patience));
    }

    [Fact]
    public async Task The_pty_baselines_measure_a_real_pty_or_are_reported_unavailable()
    {
        var report = await BenchRunner.RunAsync(PtyRegistry(probe: null), [SuiteNames.Pty], TinyTiming.Options(), TextWriter.Null);

        Assert.Empty(report.Failures);
        string[] keys = [BaselineMap.OsPtyThroughput4k, BaselineMap.OsPtyRoundTrips, BaselineMap.OsPtyOpenClose];
        if (OsPtyProbe.Cached.IsAvailable)
        {
            foreach (var key in keys) Assert.True(report.Find(key)?.Value > 0, $"{key} missing or not positive");
            Assert.Empty(report.Unavailable);
        }
        else
        {
            Assert.Empty(report.Figures);
            Assert.Equal(keys, report.Unavailable.Select(u => u.Key));
        }
    }

    [Fact]
    public async Task Without_a_usable_pty_the_table_says_so_and_the_json_omits_the_keys()
    {
        var noPty = OsPtyAvailability.Unavailable("posix_openpt failed: errno 2 (test)");
        var registry = PtyRegistry(() => noPty)
            .Add(SuiteNames.Pty, TinyTiming.Reporting("actors", new Figure("pty_round_trips_per_s", 900, FigureUnits.PerSecond)));

        var report = await BenchRunner.RunAsync(registry, [SuiteNames.Pty], TinyTiming.Options(), TextWriter.Null);

        using var json = JsonDocument.Parse(BenchReportJson.ToJson(report));
        Assert.Equal(["pty_round_trips_per_s"], json.RootElement.GetProperty("figures").EnumerateObject().Select(p => p.Name));
        var text = new StringWriter();
        PlainReportWriter.Write(report, text);
        var table = text.ToString();
        Assert.Contains("posix_openpt failed: errno 2 (test)", table);
        Assert.Contains(table.Split('\n'), l => l.StartsWith(BaselineMap.OsPtyThroughput4k + " ") && l.Contains("unavailable"));
        Assert.Contains(table.Split('\n'), l => l.StartsWith("pty_round_trips_per_s ") && l.Contains("unavailable") && l.TrimEnd().EndsWith("-"));
        Assert.Empty(report.Failures);
    }

    private static BenchRegistry PtyRegistry(Func<OsPtyAvailability>? probe) =>
        new BenchRegistry().Add(SuiteNames.Pty,
            new OsPtyThroughputBaseline(probe), new OsPtyRoundTripBaseline(probe), new OsPtyOpenCloseBaseline(probe));

    /// <summary>
    /// Reads on a separate thread so a missing byte fails the test instead of hanging it:
    /// after the timeout the pair is closed, which ends the blocked read.
    /// </summary>
    private static async Task<byte[]> ReadExactlyAsync(OsPtyPair pair, int fd, int count)
    {
        var reading = Task.Factory.StartNew(() =>
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
        }, TaskCreationOptions.LongRunning);
        try
        {
            return await reading.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            pair.Dispose();
            throw new Xunit.Sdk.XunitException($"only part of {count} bytes arrived within {Patience.TotalSeconds} s");
        }
    }
}
