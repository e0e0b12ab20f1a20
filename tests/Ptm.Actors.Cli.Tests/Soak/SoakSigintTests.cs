using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Ptm.Actors.Cli.Commands;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.Cli.Tests.Soak;

/// <summary>
/// The built `ptm` run as a child process and sent a real SIGINT, as Ctrl+C sends it (issue 16):
/// it stops cleanly, reports "interrupted", and exits 130. The signal goes as soon as the seed
/// line is out, the moment the command promises to listen for it; nothing waits on a clock.
/// </summary>
public class SoakSigintTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);
    // The soak's teardown may take its grace (45 s) on a busy machine; past this it is hung.
    private static readonly TimeSpan StopBound = TimeSpan.FromMinutes(3);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private const int SIGINT = 2;

    [Fact]
    public async Task Sigint_stops_a_soak_cleanly_reports_interrupted_and_exits_130()
    {
        if (!OperatingSystem.IsLinux()) return; // SIGINT as a signal; the handler is the same everywhere
        var json = Path.Combine(Path.GetTempPath(), $"ptm-sigint-{Guid.NewGuid():N}.json");
        // Faults off and a few ptys: the test is about stopping, not about what a soak finds.
        using var ptm = Ptm.Start(["soak", "--duration", "10m", "--ptys", "8", "--json", json, .. NoFaults]);
        try
        {
            await ptm.SeedLine.WaitAsync(StartBound);
            ptm.Interrupt();
            var exitCode = await ptm.ExitAsync(StopBound);

            Assert.True(exitCode == 130, $"exit {exitCode}:\n{ptm.Out}");
            Assert.Matches(@"interrupted after [0-9.]+ s", ptm.Out);
            Assert.Contains(SoakCommand.CtrlCNotice, ptm.Error);
            using var report = JsonDocument.Parse(File.ReadAllBytes(json));
            Assert.True(report.RootElement.GetProperty("interrupted").GetBoolean());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task A_second_sigint_ends_the_soak_at_once_without_a_report()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Enough ptys that their teardown takes far longer than the second signal does to arrive.
        using var ptm = Ptm.Start(["soak", "--duration", "10m", "--ptys", "2000", .. NoFaults]);
        await ptm.SeedLine.WaitAsync(StartBound);
        ptm.Interrupt();
        await ptm.Notice.WaitAsync(StopBound);
        ptm.Interrupt();
        var exitCode = await ptm.ExitAsync(StopBound);

        Assert.Equal(130, exitCode);
        Assert.DoesNotContain("ptm soak report", ptm.Out);
    }

    private static string[] NoFaults => [.. FaultKinds.All.SelectMany(kind => new[] { FaultKinds.OptionName(kind), "0" })];

    /// <summary>A running `ptm`, its output collected line by line, with the moments the tests wait for.</summary>
    private sealed class Ptm : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _out = new();
        private readonly StringBuilder _error = new();
        private readonly TaskCompletionSource _seedLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _notice = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Ptm(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Collect(e.Data, _out, "seed ", _seedLine);
            process.ErrorDataReceived += (_, e) => Collect(e.Data, _error, "Ctrl+C: ", _notice);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public static Ptm Start(string[] args) => new(StartPtm(args));

        /// <summary>The seed and replay line is out: the command listens for SIGINT from before it.</summary>
        public Task SeedLine => _seedLine.Task;

        /// <summary>The first SIGINT has been taken.</summary>
        public Task Notice => _notice.Task;

        public string Out { get { lock (_out) return _out.ToString(); } }

        public string Error { get { lock (_error) return _error.ToString(); } }

        public void Interrupt() => Assert.Equal(0, kill(_process.Id, SIGINT));

        public async Task<int> ExitAsync(TimeSpan bound)
        {
            using var cancel = new CancellationTokenSource(bound);
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }

        private static void Collect(string? line, StringBuilder into, string prefix, TaskCompletionSource seen)
        {
            if (line is null) return;
            lock (into) into.AppendLine(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal)) seen.TrySetResult();
        }
    }

    /// <summary>
    /// `dotnet ptm.dll ARGS`, through `env --default-signal=INT` so the child takes SIGINT even
    /// when this test runs in a background job (which starts with SIGINT ignored, and an ignored
    /// signal stays ignored across exec).
    /// </summary>
    private static Process StartPtm(string[] args)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--default-signal=INT", DotnetHost(), PtmDll(), .. args]) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start ptm");
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    /// <summary>The ptm.dll the build copied beside the tests, or the CLI project's own build of the same configuration.</summary>
    private static string PtmDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "ptm.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))) return beside;
        // tests/Ptm.Actors.Cli.Tests/bin/CONFIG/TFM/ -> src/Ptm.Actors.Cli/bin/CONFIG/TFM/ptm.dll
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var config = tfm.Parent!;
        var repo = config.Parent!.Parent!.Parent!.Parent!;
        var built = Path.Combine(repo.FullName, "src", "Ptm.Actors.Cli", "bin", config.Name, tfm.Name, "ptm.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("ptm.dll is not built", built);
    }
}
