using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Workload;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// What a terminal-only deterministic run actually does, counted from its events, so a clean
/// report cannot come from a workload that quietly stopped exercising something.
/// </summary>
public class TerminalWorkloadTests
{
    [Fact]
    public async Task A_terminal_run_exercises_lines_interrupts_resizes_mode_changes_and_flushes()
    {
        var sink = new CountingSink();
        var options = new SoakOptions
        {
            Duration = TimeSpan.FromSeconds(3),
            Ptys = 16,
            Seed = 4242,
            Deterministic = true,
            TerminalShare = 1,
            FaultRates = new Dictionary<FaultKind, double>(),
        };
        await new PtySoakWorkload(TimeSpan.FromMilliseconds(2)).RunAsync(options, sink, CancellationToken.None);

        Assert.True(sink.Count("pushed") > 16, sink.ToString());
        Assert.True(sink.Count("line") > 0 && sink.Count("interrupt") > 0 && sink.Count("output") > 0, sink.ToString());
        Assert.True(sink.Count("resize manager") > 0 && sink.Count("resize subsidiary") > 0, sink.ToString());
        Assert.True(sink.Count("SIGINT") > 0 && sink.Count("SIGWINCH") > 0, sink.ToString());
        Assert.True(sink.Count("echo off") > 0 && sink.Count("raw") > 0 && sink.Count("noflsh") > 0 && sink.Count("canonical") > 0, sink.ToString());
        Assert.True(sink.Count("flush window") > 0 && sink.Count("modes read") > 0 && sink.Count("size read") > 0, sink.ToString());
        Assert.True(sink.Count("settled") > 100, sink.ToString());
        Assert.Equal(0, sink.Count("pattern write"));
    }

    private sealed class CountingSink : ISoakEventSink
    {
        private readonly Dictionary<string, int> _counts = new();

        public Serilog.ILogger Log => Serilog.Core.Logger.None;

        public int Count(string what) => _counts.GetValueOrDefault(what);

        public void Emit(SoakEvent soakEvent)
        {
            lock (_counts)
            {
                switch (soakEvent)
                {
                    case ModulesPushed: Add("pushed"); break;
                    case TerminalWritten { Direction: Direction.SubsidiaryToManager }: Add("output"); break;
                    case TerminalWritten e when e.Bytes.Span.IndexOf((byte)0x03) >= 0: Add("interrupt"); break;
                    case TerminalWritten e when e.Bytes.Span.IndexOfAny((byte)'\r', (byte)'\n', (byte)0x04) >= 0: Add("line"); break;
                    case WindowSizeSet e: Add("resize " + e.Side.ToString().ToLowerInvariant()); break;
                    case SignalsTaken e: foreach (var signal in e.Signals) Add(signal.ToString()); break;
                    case TerminalModesSet e when !e.Modes.IsCanonical: Add("raw"); break;
                    case TerminalModesSet e when (e.Modes.Local & LocalModes.ECHO) == 0: Add("echo off"); break;
                    case TerminalModesSet e when (e.Modes.Local & LocalModes.NOFLSH) != 0: Add("noflsh"); break;
                    case TerminalModesSet: Add("canonical"); break;
                    case TerminalModesRead: Add("modes read"); break;
                    case WindowSizeRead: Add("size read"); break;
                    case DiscardWindowOpened: Add("flush window"); break;
                    case TerminalSettled: Add("settled"); break;
                    case WriteStarted: Add("pattern write"); break;
                }
            }
        }

        private void Add(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;

        public override string ToString()
        {
            lock (_counts) return string.Join(", ", _counts.Select(pair => $"{pair.Key} {pair.Value}"));
        }
    }
}
