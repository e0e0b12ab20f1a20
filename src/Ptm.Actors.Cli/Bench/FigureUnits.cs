namespace Ptm.Actors.Cli.Bench;

/// <summary>The units figures are reported in; MB is 1,000,000 bytes.</summary>
internal static class FigureUnits
{
    public const string PerSecond = "/s";
    public const string MegabytesPerSecond = "MB/s";
    public const string Bytes = "bytes";
    public const string Microseconds = "us";

    public const double BytesPerMegabyte = 1_000_000;
}
