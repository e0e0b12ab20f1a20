namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Readiness-set names of `poll` expectations, in one fixed rendering order
/// (POLLIN, POLLOUT, POLLERR, POLLHUP); sets compare as bits, so order never matters.</summary>
internal static class PollSet
{
    private static readonly (string Name, int Bit)[] Names =
        [("POLLIN", PollBits.In), ("POLLOUT", PollBits.Out), ("POLLERR", PollBits.Err), ("POLLHUP", PollBits.Hup)];

    public static bool TryParseName(string name, out int bit)
    {
        foreach (var (n, b) in Names)
            if (string.Equals(n, name, StringComparison.Ordinal)) { bit = b; return true; }
        bit = 0;
        return false;
    }

    /// <summary>`POLLIN|POLLOUT`, `0` for the empty set, unknown bits in hex.</summary>
    public static string Render(long bits)
    {
        if (bits == 0) return "0";
        var parts = new List<string>(4);
        var rest = bits;
        foreach (var (n, b) in Names)
            if ((bits & b) != 0) { parts.Add(n); rest &= ~b; }
        if (rest != 0) parts.Add("0x" + rest.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        return string.Join('|', parts);
    }
}
