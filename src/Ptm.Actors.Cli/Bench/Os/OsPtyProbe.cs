namespace Ptm.Actors.Cli.Bench.Os;

/// <summary>
/// Finds out, once, whether the real-pty baselines can run here: Linux, /dev/ptmx present,
/// and a pair actually opens and takes raw mode. Every failure becomes a reason string, never
/// an exception, so the bench reports "no usable pty" instead of crashing.
/// </summary>
internal static class OsPtyProbe
{
    private static readonly Lazy<OsPtyAvailability> Once = new(Probe);

    /// <summary>The probe's answer for this process (probed on first use).</summary>
    public static OsPtyAvailability Cached => Once.Value;

    public static OsPtyAvailability Probe()
    {
        if (!OperatingSystem.IsLinux())
            return OsPtyAvailability.Unavailable($"no Linux kernel pty on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        if (!File.Exists("/dev/ptmx"))
            return OsPtyAvailability.Unavailable("/dev/ptmx is missing");
        try
        {
            using var pair = OsPtyPair.Open();
            pair.MakeSubsidiaryRaw();
            return OsPtyAvailability.Available($"{pair.SubsidiaryPath} opened and set raw");
        }
        catch (OsPtyException e)
        {
            return OsPtyAvailability.Unavailable(e.Message);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return OsPtyAvailability.Unavailable($"libc not usable: {e.Message}");
        }
    }
}
