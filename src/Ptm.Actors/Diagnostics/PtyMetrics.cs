using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Ptm.Actors.Diagnostics;

/// <summary>
/// The Meter "Ptm.Actors" and its instruments, shared by every PtySystem in the process; each
/// measurement carries the <c>ptm.system</c> tag of the system it came from
/// (<see cref="PtyDiagnostics"/> holds the tags, cached, so a measurement allocates nothing).
/// Names and units follow OpenTelemetry's conventions: dotted lower-case names, UCUM units,
/// counts as <c>{thing}</c>, attributes namespaced under <c>ptm.</c> except the standard
/// <c>error.type</c>.
/// </summary>
internal static class PtyMetrics
{
    public const string MeterName = "Ptm.Actors";

    /// <summary>The tag naming the PtySystem (<see cref="PtySystem.Name"/>) on every measurement.</summary>
    public const string SystemTag = "ptm.system";

    public static readonly Meter Meter = new(MeterName, typeof(PtyMetrics).Assembly.GetName().Version?.ToString(3));

    // The PtySystems whose ptys.open is observed: from their Clone actor's start to its stop.
    private static readonly ConcurrentDictionary<PtyDiagnostics, byte> s_live = new();

    /// <summary>ptys.open: minors allocated now (L16: zero once every pty is closed), read from each live Clone's counters when collected.</summary>
    public static readonly ObservableUpDownCounter<int> PtysOpen = Meter.CreateObservableUpDownCounter(
        "ptm.ptys.open", ObservePtysOpen, "{pty}", "Ptys allocated now: a minor from the manager's open to the last close of both sides.");

    public static readonly Counter<long> Opens = Meter.CreateCounter<long>(
        "ptm.opens", "{open}", "Successful opens of a pty side: /dev/ptmx for the manager, /dev/pts/N for the subsidiary (tag ptm.side).");

    public static readonly Counter<long> Closes = Meter.CreateCounter<long>(
        "ptm.closes", "{close}", "Closes of a pty side's descriptor (tag ptm.side).");

    public static readonly Counter<long> Bytes = Meter.CreateCounter<long>(
        "ptm.bytes", "By", "Bytes writes and putmsg moved into a pty's stream (tag ptm.direction).");

    public static readonly Counter<long> Hangups = Meter.CreateCounter<long>(
        "ptm.hangups", "{hangup}", "Subsidiaries hung up because their manager closed or crashed (tag ptm.hangup.cause).");

    public static readonly Counter<long> Stalls = Meter.CreateCounter<long>(
        "ptm.flow_control.stalls", "{stall}", "Blocking writes that had to wait because the stream below was full (tag ptm.side).");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "ptm.errors", "{error}", "Calls that failed, by errno (tag error.type, e.g. EBADF).");

    public static readonly Counter<long> FaultsInjected = Meter.CreateCounter<long>(
        "ptm.faults.injected", "{fault}", "Faults injected into the pty actors (tag ptm.fault: crash).");

    /// <summary>Observes <paramref name="diagnostics"/>'s ptys.open from now until <see cref="Forget"/>.</summary>
    public static void Observe(PtyDiagnostics diagnostics) => s_live.TryAdd(diagnostics, 0);

    public static void Forget(PtyDiagnostics diagnostics) => s_live.TryRemove(diagnostics, out _);

    private static IEnumerable<Measurement<int>> ObservePtysOpen()
    {
        foreach (var diagnostics in s_live.Keys)
            yield return new Measurement<int>(diagnostics.Statistics.Allocated, diagnostics.SystemTags);
    }
}
