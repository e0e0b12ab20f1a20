using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Ptm.Actors.Cli.Soak;

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
        string[] rates = [.. FaultKinds.All.SelectMany(kind => new[] { FaultKinds.OptionName(kind), "0" })];
        using var ptm = StartPtm(["soak", "--duration", "10m", "--ptys", "8", "--json", json, .. rates]);
        var output = new StringBuilder();
        var seedLine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ptm.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.StartsWith("seed ", StringComparison.Ordinal)) seedLine.TrySetResult();
        };
        ptm.ErrorDataReceived += (_, _) => { }; // drained, so the log never blocks the child
        ptm.BeginOutputReadLine();
        ptm.BeginErrorReadLine();
        try
        {
            await seedLine.Task.WaitAsync(StartBound);
            Assert.Equal(0, kill(ptm.Id, SIGINT));
            using var bound = new CancellationTokenSource(StopBound);
            await ptm.WaitForExitAsync(bound.Token);

            string text;
            lock (output) text = output.ToString();
            Assert.True(ptm.ExitCode == 130, $"exit {ptm.ExitCode}:\n{text}");
            Assert.Matches(@"interrupted after [0-9.]+ s", text);
            using var report = JsonDocument.Parse(File.ReadAllBytes(json));
            Assert.True(report.RootElement.GetProperty("interrupted").GetBoolean());
        }
        finally
        {
            if (!ptm.HasExited) ptm.Kill(entireProcessTree: true);
            File.Delete(json);
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
