using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;
using Ptm.Actors.TestKit.Soak.Report;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// Deterministic soak runs of the real workload with a bug planted in the pty layer (or none, the
/// twin): the same seed and options, the checker fed as `ptm soak` feeds it, every violation kept
/// with its session.
/// </summary>
internal static class PlantedRuns
{
    /// <summary>Bare sessions (byte-exact ledgers) and every fault often, including the paths the checks' blind spots were on.</summary>
    public static SoakOptions Options(long seed) =>
        DeterministicSoakRuns.Options(seed, ptys: 32, TimeSpan.FromSeconds(5)) with { TerminalShare = 0 };

    public static async Task<ViolationLog> Run(SoakOptions options, PlantedBug? bug = null)
    {
        var violations = new ViolationLog(Serilog.Core.Logger.None);
        var sink = new SoakEventSink(new InvariantChecker(violations, options.MemoryBudget), new SoakStatistics(), Serilog.Core.Logger.None);
        var recorder = new MinorRecorder(sink);
        if (bug is not null) bug.Struck = minor => bug.VictimSession = recorder.SessionOf(minor);
        IDisposable? planted = null;
        var workload = new PtySoakWorkload(TimeSpan.FromMilliseconds(2), system =>
        {
            if (bug is not null) planted = MessageInterceptors.Install(system.ActorSystem, bug.Intercept);
        });
        try
        {
            await workload.RunAsync(options, recorder, CancellationToken.None);
        }
        finally
        {
            planted?.Dispose();
        }
        sink.Finish();
        return violations;
    }

    /// <summary>The logged violations, for an assertion's message.</summary>
    public static string Describe(ViolationLog log) =>
        log.Total + " violation(s): " + string.Join("; ", log.Logged.Select(v => $"{ViolationKinds.Name(v.Kind)} [{v.Session}] {v}"));

    /// <summary>Passes events on, and knows which session has each minor now (SessionStarted), so a plant can name its victim's session.</summary>
    private sealed class MinorRecorder(ISoakEventSink inner) : ISoakEventSink
    {
        private readonly Dictionary<int, long> _sessionOf = new();

        public Serilog.ILogger Log => inner.Log;

        public void Ready() => inner.Ready();

        public long SessionOf(int minor) => _sessionOf.GetValueOrDefault(minor, -1);

        public void Emit(SoakEvent soakEvent)
        {
            // Deterministic runs emit and plant on one thread, so no lock is needed.
            if (soakEvent is SessionStarted started) _sessionOf[started.Minor] = started.Session;
            inner.Emit(soakEvent);
        }
    }
}
