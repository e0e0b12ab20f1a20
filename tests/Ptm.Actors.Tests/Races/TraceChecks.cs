namespace Ptm.Actors.Tests.Races;

/// <summary>
/// Checks over the deterministic dispatcher's trace ("/user/clone/ptm-1-1 &lt;- DataMessage"):
/// the internal orderings of R1-R5 that outcomes alone cannot show.
/// </summary>
internal static class TraceChecks
{
    public const string Manager = "/ptm-";
    public const string Subsidiary = "/pts-";

    public static string PathOf(string entry) => entry[..entry.IndexOf(" <- ", StringComparison.Ordinal)];

    public static string MessageOf(string entry) => entry[(entry.IndexOf(" <- ", StringComparison.Ordinal) + 4)..];

    /// <summary>Every distinct actor path of one kind (Manager or Subsidiary) in the trace.</summary>
    public static List<string> Paths(IReadOnlyList<string> trace, string kind)
    {
        var paths = new List<string>();
        foreach (var entry in trace)
        {
            var path = PathOf(entry);
            if (path.Contains(kind, StringComparison.Ordinal) && !paths.Contains(path)) paths.Add(path);
        }
        return paths;
    }

    public static int IndexOf(IReadOnlyList<string> trace, string path, string message, int from = 0)
    {
        for (var i = from; i < trace.Count; i++)
            if (PathOf(trace[i]) == path && MessageOf(trace[i]) == message) return i;
        return -1;
    }

    /// <summary>Data reaches a side as one packet (DataMessage) or as packets forwarded in one turn (DataRun).</summary>
    public static bool IsData(string message) => message is "DataMessage" or "DataRun";

    /// <summary>The first data message to <paramref name="path"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOfData(IReadOnlyList<string> trace, string path, int from = 0)
    {
        for (var i = from; i < trace.Count; i++)
            if (PathOf(trace[i]) == path && IsData(MessageOf(trace[i]))) return i;
        return -1;
    }

    public static int Count(IReadOnlyList<string> trace, string path, string message)
    {
        var count = 0;
        foreach (var entry in trace)
            if (PathOf(entry) == path && MessageOf(entry) == message) count++;
        return count;
    }

    /// <summary>
    /// R1, R4: once a side processed the close that stopped it, it processes nothing more; what
    /// was sent to it afterwards became a dead letter. <paramref name="closesBeforeStop"/> is
    /// how many CloseRequests the side takes before its last close (L9: several descriptors).
    /// </summary>
    public static void NothingProcessedAfterClose(SeededPty pty, IReadOnlyList<string> trace, string path, int closesBeforeStop = 1)
    {
        var index = -1;
        for (var n = 0; n < closesBeforeStop; n++)
        {
            index = IndexOf(trace, path, "CloseRequest", index + 1);
            if (index < 0) return; // never closed in this run
        }
        for (var i = index + 1; i < trace.Count; i++)
            Assert.False(PathOf(trace[i]) == path, pty.At($"{path} processed {MessageOf(trace[i])} after its last close (R1/R4): {trace[i]}"));
    }

    /// <summary>Applies <see cref="NothingProcessedAfterClose"/> to every side in the trace.</summary>
    public static void NoSideProcessesAfterItsClose(SeededPty pty, IReadOnlyList<string> trace)
    {
        foreach (var path in Paths(trace, Manager)) NothingProcessedAfterClose(pty, trace, path);
        foreach (var path in Paths(trace, Subsidiary)) NothingProcessedAfterClose(pty, trace, path);
    }
}
