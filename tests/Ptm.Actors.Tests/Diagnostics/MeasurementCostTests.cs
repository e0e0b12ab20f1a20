using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Ptm.Actors.Diagnostics;
using Ptm.Actors.Pty;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// The measurements on the write path run for every write: they must allocate nothing, with or
/// without a listener (cached tags, the KeyValuePair overloads, no boxing), so a listened-to
/// system's throughput pays only for the listener's own work.
/// </summary>
public class MeasurementCostTests
{
    [Fact]
    public void Measuring_writes_stalls_and_errors_allocates_nothing_with_or_without_a_listener()
    {
        var diagnostics = new PtyDiagnostics("cost-test/ptys-1", NullLogger.Instance, new CloneStatistics());
        Measure(diagnostics); // the Meter and the cached tags are made on first use
        Assert.Equal(0, AllocatedBy(() => Measure(diagnostics)));

        long total = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PtyMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
        listener.Start();
        Measure(diagnostics); // the first measurement of each instrument may set the listener up

        Assert.Equal(0, AllocatedBy(() => Measure(diagnostics)));
        Assert.True(total > 0);
    }

    private static void Measure(PtyDiagnostics diagnostics)
    {
        for (var i = 0; i < 1000; i++)
        {
            diagnostics.Manager.Wrote(512);
            diagnostics.Subsidiary.Wrote(2048);
            diagnostics.Subsidiary.Stalled();
            diagnostics.Error(Errno.EAGAIN);
        }
    }

    private static long AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
