namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Handle names are `[a-z][a-z0-9_]*`.</summary>
internal static class HandleName
{
    public static bool IsValid(string text)
    {
        if (text.Length == 0 || text[0] is < 'a' or > 'z') return false;
        foreach (var c in text)
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '_')) return false;
        return true;
    }
}
