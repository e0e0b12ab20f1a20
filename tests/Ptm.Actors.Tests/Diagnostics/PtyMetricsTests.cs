using Ptm.Actors.TestKit.Faults;
using System.Diagnostics.Metrics;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// The "Ptm.Actors" Meter read with a MeterListener: every instrument counts what one PtySystem
/// did, told apart from the other systems of the test run by its ptm.system tag.
/// </summary>
public class PtyMetricsTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task The_meter_counts_opens_closes_bytes_hangups_stalls_errors_and_crashes_of_its_own_system()
    {
        await using var ptys = PtySystem.Create();
        using var meter = new MeterRecorder(ptys.Name);
        await Within(async () =>
        {
            // A pair, data each way: 5 bytes down, 3 up.
            var manager = await ptys.OpenManagerAsync();
            var subsidiary = await manager.OpenSubsidiaryAsync();
            await manager.WriteAsync("hello"u8.ToArray());
            await ReadExactlyAsync(subsidiary, 5);
            await subsidiary.WriteAsync("hi!"u8.ToArray());
            await ReadExactlyAsync(manager, 3);
            meter.Observe();
            Assert.Equal(1, meter.Value("ptm.ptys.open"));

            // A blocking write larger than the stream holds waits for the reader once (D14, H8).
            var big = new byte[16 * 1024];
            var write = manager.WriteAsync(big);
            await ptys.WhenIdleAsync();
            Assert.False(write.IsCompleted);
            await ReadExactlyAsync(subsidiary, big.Length);
            Assert.Equal(big.Length, await write);

            // EAGAIN: a non-blocking read with nothing queued (a second open of the same stream, L9).
            var nonBlocking = await manager.OpenSubsidiaryAsync(OpenFlags.NonBlock);
            Assert.Equal(Errno.EAGAIN, (await Assert.ThrowsAsync<PtyException>(() => nonBlocking.ReadAsync(new byte[1]))).Errno);
            await nonBlocking.DisposeAsync();

            // The manager's close hangs the subsidiary up (L14); then EBADF on the closed descriptor.
            await manager.DisposeAsync();
            await subsidiary.DisposeAsync();
            Assert.Equal(Errno.EBADF, (await Assert.ThrowsAsync<PtyException>(() => subsidiary.ReadAsync(new byte[1]))).Errno);

            // A second pair whose manager crashes (PD13): an injected fault, and a hang-up of another cause.
            var crashed = await ptys.OpenManagerAsync();
            var orphan = await crashed.OpenSubsidiaryAsync();
            (await ptys.Posix.CrashAsync(crashed.Descriptor)).ValueOrThrow("crash");
            await ptys.WhenIdleAsync();
            await crashed.DisposeAsync(); // closing a crashed side's descriptor still counts as a close
            await orphan.DisposeAsync();
            await ptys.WhenIdleAsync();
        });

        meter.Observe();
        var all = meter.Snapshot();
        Assert.True(0 == meter.Value("ptm.ptys.open"), Show(all)); // L16: every minor is free again
        Assert.Equal(2, meter.Value("ptm.opens", "ptm.side=manager"));
        Assert.Equal(3, meter.Value("ptm.opens", "ptm.side=subsidiary"));
        Assert.Equal(2, meter.Value("ptm.closes", "ptm.side=manager"));
        Assert.Equal(3, meter.Value("ptm.closes", "ptm.side=subsidiary"));
        Assert.Equal(5 + 16 * 1024, meter.Value("ptm.bytes", "ptm.direction=manager_to_subsidiary"));
        Assert.Equal(3, meter.Value("ptm.bytes", "ptm.direction=subsidiary_to_manager"));
        Assert.Equal(1, meter.Value("ptm.flow_control.stalls", "ptm.side=manager"));
        Assert.Equal(1, meter.Value("ptm.hangups", "ptm.hangup.cause=manager_closed"));
        Assert.Equal(1, meter.Value("ptm.hangups", "ptm.hangup.cause=manager_crashed"));
        Assert.Equal(1, meter.Value("ptm.errors", "error.type=EAGAIN"));
        Assert.Equal(1, meter.Value("ptm.errors", "error.type=EBADF"));
        Assert.Equal(1, meter.Value("ptm.faults.injected", "ptm.fault=crash"));
        Assert.True(all.Keys.Count(key => key.StartsWith("ptm.errors", StringComparison.Ordinal)) == 2, Show(all)); // no other errno
    }

    [Fact]
    public async Task Each_system_is_measured_under_its_own_name()
    {
        await using var first = PtySystem.Create();
        await using var second = PtySystem.Create();
        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(first.ActorSystem.Name + "/" + first.CloneActor.Path.Name, first.Name);
        using var firstMeter = new MeterRecorder(first.Name);
        using var secondMeter = new MeterRecorder(second.Name);

        await using var manager = await first.OpenManagerAsync().WaitAsync(Safety);
        await using var subsidiary = await manager.OpenSubsidiaryAsync().WaitAsync(Safety);
        firstMeter.Observe();
        secondMeter.Observe();

        Assert.Equal(1, firstMeter.Value("ptm.opens", "ptm.side=manager"));
        Assert.Equal(1, firstMeter.Value("ptm.ptys.open"));
        Assert.Empty(secondMeter.Snapshot().Where(series => series.Value != 0));
    }

    [Fact]
    public void The_instruments_are_named_with_their_units_in_OpenTelemetry_style()
    {
        using var meter = new MeterRecorder("none");
        var expected = new Dictionary<string, (string Unit, Type Kind)>
        {
            ["ptm.ptys.open"] = ("{pty}", typeof(ObservableUpDownCounter<int>)),
            ["ptm.opens"] = ("{open}", typeof(Counter<long>)),
            ["ptm.closes"] = ("{close}", typeof(Counter<long>)),
            ["ptm.bytes"] = ("By", typeof(Counter<long>)),
            ["ptm.hangups"] = ("{hangup}", typeof(Counter<long>)),
            ["ptm.flow_control.stalls"] = ("{stall}", typeof(Counter<long>)),
            ["ptm.errors"] = ("{error}", typeof(Counter<long>)),
            ["ptm.faults.injected"] = ("{fault}", typeof(Counter<long>)),
        };
        Assert.Equal("Ptm.Actors", Ptm.Actors.Diagnostics.PtyMetrics.Meter.Name); // created with the library's first use of it
        foreach (var (name, (unit, kind)) in expected)
        {
            Assert.True(meter.Instruments.TryGetValue(name, out var instrument), name);
            Assert.Equal(unit, instrument.Unit);
            Assert.IsType(kind, instrument);
            Assert.False(string.IsNullOrEmpty(instrument.Description));
        }
        Assert.Equal(expected.Keys.Order(), meter.Instruments.Keys.Order());
    }

    private static async Task ReadExactlyAsync(PtyHandle handle, int count)
    {
        var buffer = new byte[4096];
        for (var total = 0; total < count;)
        {
            var read = await handle.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, count - total)));
            Assert.NotEqual(0, read);
            total += read;
        }
    }

    private static string Show(IReadOnlyDictionary<string, long> series) => string.Join(", ", series.Select(s => s.Key + "=" + s.Value));

    private static Task Within(Func<Task> body) => body().WaitAsync(Safety);
}
