namespace Ptm.Actors.Cli.Bench.Os;

/// <summary>Whether this machine offers a usable kernel pty, and in words why (not).</summary>
internal sealed record OsPtyAvailability(bool IsAvailable, string Reason)
{
    public static OsPtyAvailability Available(string how) => new(true, how);
    public static OsPtyAvailability Unavailable(string why) => new(false, why);
}
