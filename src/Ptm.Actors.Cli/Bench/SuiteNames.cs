namespace Ptm.Actors.Cli.Bench;

/// <summary>The suites of `ptm bench`.</summary>
internal static class SuiteNames
{
    /// <summary>
    /// The actor runtime under the pty actors: Akka.NET on the pty dispatcher (ptm.dispatcher),
    /// message passing against bare channels, plus spawn, death-watch, Ask and idle memory.
    /// </summary>
    public const string Kernel = "kernel";

    /// <summary>Pseudo-terminal traffic and lifecycle: the simulation against the real kernel pty.</summary>
    public const string Pty = "pty";

    /// <summary>Many pairs at once (--pairs N): memory per idle actor and pair, spawn rates.</summary>
    public const string Scale = "scale";

    /// <summary>A pair split across two Akka.NET cluster nodes over loopback TCP (issue 17), against the same figures in one process.</summary>
    public const string Cluster = "cluster";
}
