using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// Reads the "Ptm.Actors" Meter as any MeterListener would, keeping only the measurements of one
/// PtySystem (its ptm.system tag): the suite runs many systems at once, all on the same Meter.
/// Counters are summed per instrument and tag set; an observable keeps its last value.
/// </summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _system;
    private readonly ConcurrentDictionary<string, long> _values = new();
    private readonly ConcurrentDictionary<string, Instrument> _instruments = new();

    public MeterRecorder(string system)
    {
        _system = system;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != "Ptm.Actors") return;
            _instruments[instrument.Name] = instrument;
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The instruments the Meter published, by name.</summary>
    public IReadOnlyDictionary<string, Instrument> Instruments => _instruments;

    /// <summary>A counter's total, or an observable's last value, for e.g. ("ptm.opens", "ptm.side=manager"); 0 if none.</summary>
    public long Value(string instrument, string tags = "") => _values.GetValueOrDefault(Key(instrument, tags));

    /// <summary>Every series seen, "instrument{tags}" = value, for a readable failure.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_values);

    /// <summary>Collects the observable instruments (ptm.ptys.open) now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var ours = false;
        var others = new List<string>();
        foreach (var (key, tagValue) in tags)
        {
            if (key == "ptm.system") ours = Equals(tagValue, _system);
            else others.Add(key + "=" + tagValue);
        }
        if (!ours) return;
        var series = Key(instrument.Name, string.Join(",", others.Order(StringComparer.Ordinal)));
        if (instrument.IsObservable) _values[series] = value;
        else _values.AddOrUpdate(series, value, (_, total) => total + value);
    }

    private static string Key(string instrument, string tags) => instrument + "{" + tags + "}";
}
