using Ptm.Actors.TestKit.Scenarios.Linux;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// The systems a spec can run on, as <see cref="ScenarioTargetFactory"/> methods for
/// <see cref="ScenarioRunner.RunAsync(SpecScript, ScenarioTargetFactory, int?, ScenarioOptions?)"/>.
/// </summary>
public static class ScenarioTargets
{
    /// <summary>
    /// The pty simulation: a fresh PtySystem of its own for each run, on virtual time, so a timer
    /// fires only when a <c>sleep</c> step advances the clock. With a seed its actors run on the
    /// seeded dispatcher, and the result carries the trace that replays the run.
    /// </summary>
    /// <param name="seed">Chooses the interleaving; null runs the actors on the product's own dispatcher.</param>
    public static IScenarioTarget Simulation(int? seed) => PtyScenarioTarget.Create(seed);

    /// <summary>
    /// The Linux kernel's ptys, as an oracle for what illumos and Linux share (M4.7). Steps Linux
    /// cannot run (STREAMS, credentials, crashes) are reported as skipped. The seed is ignored.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux x64 (see <see cref="IsLinuxSupported"/>).</exception>
    public static IScenarioTarget Linux(int? seed) =>
        IsLinuxSupported ? LinuxScenarioTarget.Create(seed) : throw new PlatformNotSupportedException("The Linux target needs Linux on x64.");

    /// <summary>True where <see cref="Linux"/> can run: Linux on x64.</summary>
    public static bool IsLinuxSupported => LinuxScenarioTarget.IsSupported;
}
