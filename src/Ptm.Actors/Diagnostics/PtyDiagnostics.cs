using Microsoft.Extensions.Logging;

namespace Ptm.Actors.Diagnostics;

/// <summary>
/// One PtySystem's logger and measurement tags, handed to its actors as its options and
/// statistics are. The tags are built once here, so a measurement on a hot path (a write's
/// bytes) passes cached values and allocates nothing; every measurement is skipped at the cost
/// of one check while nothing listens to its instrument.
/// </summary>
internal sealed class PtyDiagnostics
{
    // "EBADF", ...: one tag per errno, indexed by its number, made once for every system.
    private static readonly KeyValuePair<string, object?>[] s_errnoTags = ErrnoTags();

    public PtyDiagnostics(string name, ILogger log, Pty.CloneStatistics statistics)
    {
        Name = name;
        Log = log;
        Statistics = statistics;
        System = Tag(PtyMetrics.SystemTag, name);
        SystemTags = [System];
        Manager = new SideDiagnostics(this, manager: true);
        Subsidiary = new SideDiagnostics(this, manager: false);
    }

    /// <summary>What the <c>ptm.system</c> tag and the log messages call this PtySystem.</summary>
    public string Name { get; }

    /// <summary>Where the subsystem's own events go (category "Ptm.Actors").</summary>
    public ILogger Log { get; }

    /// <summary>The Clone's counters, which ptys.open reads.</summary>
    public Pty.CloneStatistics Statistics { get; }

    public KeyValuePair<string, object?> System { get; }

    public KeyValuePair<string, object?>[] SystemTags { get; }

    public SideDiagnostics Manager { get; }

    public SideDiagnostics Subsidiary { get; }

    public SideDiagnostics Side(bool manager) => manager ? Manager : Subsidiary;

    /// <summary>A call completed with <paramref name="errno"/>.</summary>
    public void Error(Errno errno)
    {
        if (!PtyMetrics.Errors.Enabled) return;
        var tag = (uint)errno < (uint)s_errnoTags.Length ? s_errnoTags[(int)errno] : Tag("error.type", errno.ToString());
        PtyMetrics.Errors.Add(1, System, tag);
    }

    /// <summary>L16: both sides are gone and the minor is free again.</summary>
    public void Freed(int minor) => PtyLog.Freed(Log, minor, Name);

    private static KeyValuePair<string, object?>[] ErrnoTags()
    {
        var values = Enum.GetValues<Errno>();
        var tags = new KeyValuePair<string, object?>[(int)values.Max() + 1];
        for (var number = 0; number < tags.Length; number++) tags[number] = Tag("error.type", ((Errno)number).ToString());
        return tags;
    }

    internal static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
