using System.Globalization;

namespace Ptm.Actors.TestKit;

/// <summary>
/// One factor scales every wall-clock timeout the kit uses (slow CI agents set it once instead of
/// every test raising its own budget). Read from the PTM_TESTKIT_DILATION environment variable.
/// </summary>
public static class Dilation
{
    public const string EnvironmentVariable = "PTM_TESTKIT_DILATION";

    /// <summary>The factor from the environment (1.0 when unset); a malformed value is an error, not silently 1.</summary>
    public static double FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Parses a dilation factor: null or blank is 1.0; anything but a positive finite number throws.</summary>
    public static double Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 1.0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0 || double.IsInfinity(factor))
            throw new InvalidOperationException($"{EnvironmentVariable}='{text}' is not a positive number.");
        return factor;
    }

    public static TimeSpan Apply(TimeSpan duration, double factor) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * factor));
}
