using System.Diagnostics.Metrics;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// Runs an action at the exact point a side counts a successful open (ptm.opens), which is in
/// the side's own turn just before it completes the open call: a cancel from there lands after
/// the driver has opened the file and before the caller hears of it, the window a cancelled
/// open must not leak through (L16). Deterministic: the side's turn runs on the test thread.
/// </summary>
internal sealed class AtSideOpen : IDisposable
{
    private readonly MeterListener _listener = new();

    /// <param name="system">The PtySystem's name (its ptm.system tag): the Meter is shared by every test.</param>
    /// <param name="side">"manager" or "subsidiary".</param>
    /// <param name="action">Runs once, at the first such open.</param>
    public AtSideOpen(string system, string side, Action action)
    {
        var done = 0;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Ptm.Actors" && instrument.Name == "ptm.opens") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? ofSystem = null, ofSide = null;
            foreach (var (key, value) in tags)
            {
                if (key == "ptm.system") ofSystem = value as string;
                else if (key == "ptm.side") ofSide = value as string;
            }
            if (ofSystem == system && ofSide == side && Interlocked.Exchange(ref done, 1) == 0) action();
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();
}
