namespace Ptm.Actors.Cli.Bench;

/// <summary>The suites of `ptm bench`.</summary>
public static class SuiteNames
{
    /// <summary>Message passing between two parties: actors against bare channels.</summary>
    public const string Kernel = "kernel";

    /// <summary>Pseudo-terminal traffic and lifecycle: the simulation against the real kernel pty.</summary>
    public const string Pty = "pty";

    /// <summary>Many pairs at once (--pairs N): memory per idle actor and pair, spawn rates.</summary>
    public const string Scale = "scale";
}
