using System.Globalization;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// The managed-memory budget: a fixed base (the runtime, the actor system, the report) plus a
/// per-live-pty allowance (two stream heads at most 2048 bytes each, the ptm and pts write
/// queues, two actors and their mailboxes; D14, D17). Written "BASE+PER_PTY", e.g. "256MiB+64KiB".
/// </summary>
internal sealed record MemoryBudget(long BaseBytes, long PerPtyBytes)
{
    public static readonly MemoryBudget Default = new(256L << 20, 64L << 10);

    public long LimitFor(int livePtys) => BaseBytes + PerPtyBytes * Math.Max(livePtys, 0);

    public override string ToString() => $"{ByteSize.Format(BaseBytes)} + {ByteSize.Format(PerPtyBytes)} per live pty";

    public static bool TryParse(string text, out MemoryBudget budget, out string error)
    {
        budget = Default;
        var parts = text.Split('+');
        if (parts.Length != 2)
        {
            error = $"'{text}' is not BASE+PER_PTY (for example 256MiB+64KiB)";
            return false;
        }
        if (!ByteSize.TryParse(parts[0], out var baseBytes) || !ByteSize.TryParse(parts[1], out var perPty))
        {
            error = $"'{text}': sizes are a number with an optional unit B, KiB, MiB or GiB";
            return false;
        }
        if (baseBytes <= 0 || perPty < 0)
        {
            error = $"'{text}': the base must be positive and the per-pty part not negative";
            return false;
        }
        budget = new MemoryBudget(baseBytes, perPty);
        error = "";
        return true;
    }
}

/// <summary>Byte sizes with binary units, for options and the report.</summary>
internal static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
        [("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1)];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        long factor = 1;
        foreach (var (unit, unitFactor) in Units)
        {
            if (!trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase)) continue;
            trimmed = trimmed[..^unit.Length].Trim();
            factor = unitFactor;
            break;
        }
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || value < 0) return false;
        var product = value * factor;
        if (product > long.MaxValue / 2) return false;
        bytes = (long)product;
        return true;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.##", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
