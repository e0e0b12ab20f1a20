using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Races;

/// <summary>
/// Checks over the seeded dispatcher's trace: one entry per mailbox run, "ptm-1-3:DataMessage"
/// (the actor's name and the one user message the run took) or just "ptm-1-3" (a run of system
/// messages only: start, stop, watch). They check the internal orderings of R1, R2, R3, R4 and
/// R5 that outcomes alone cannot show.
/// </summary>
internal static class TraceChecks
{
    public const string Manager = "ptm-";
    public const string Subsidiary = "pts-";
    public const string Clone = "ptys-";

    /// <summary>The entry with the Clone's name made the same for every pty system of an actor system ("ptys-7:X" reads "ptys:X").</summary>
    public static string WithoutCloneNumber(string entry)
    {
        if (!entry.StartsWith(Clone, StringComparison.Ordinal)) return entry;
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "ptys" : "ptys" + entry[colon..];
    }

    public static string ActorOf(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? entry : entry[..colon];
    }

    /// <summary>The user message the run took, or "" for a run of system messages only.</summary>
    public static string MessageOf(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "" : entry[(colon + 1)..];
    }

    /// <summary>Every distinct actor of one kind (Manager, Subsidiary or Clone) in the trace, in order of appearance.</summary>
    public static List<string> Actors(IReadOnlyList<string> trace, string kind)
    {
        var actors = new List<string>();
        foreach (var entry in trace)
        {
            var actor = ActorOf(entry);
            if (actor.StartsWith(kind, StringComparison.Ordinal) && !actors.Contains(actor)) actors.Add(actor);
        }
        return actors;
    }

    /// <summary>The first run at or after <paramref name="from"/> in which an actor of <paramref name="actorOrKind"/> took <paramref name="message"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<string> trace, string actorOrKind, string message, int from = 0)
    {
        for (var i = from; i < trace.Count; i++)
            if (Is(trace[i], actorOrKind) && MessageOf(trace[i]) == message) return i;
        return -1;
    }

    /// <summary>The last run in which an actor of <paramref name="actorOrKind"/> took <paramref name="message"/>, or -1.</summary>
    public static int LastIndexOf(IReadOnlyList<string> trace, string actorOrKind, string message)
    {
        for (var i = trace.Count - 1; i >= 0; i--)
            if (Is(trace[i], actorOrKind) && MessageOf(trace[i]) == message) return i;
        return -1;
    }

    /// <summary>Data reaches a side as one packet (DataMessage) or as packets forwarded in one turn (DataRun).</summary>
    public static bool IsData(string message) => message is "DataMessage" or "DataRun";

    /// <summary>The first data message to <paramref name="actor"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOfData(IReadOnlyList<string> trace, string actor, int from = 0)
    {
        for (var i = from; i < trace.Count; i++)
            if (ActorOf(trace[i]) == actor && IsData(MessageOf(trace[i]))) return i;
        return -1;
    }

    public static int Count(IReadOnlyList<string> trace, string actor, string message)
    {
        var count = 0;
        foreach (var entry in trace)
            if (ActorOf(entry) == actor && MessageOf(entry) == message) count++;
        return count;
    }

    /// <summary>
    /// R1, R4: once a side processed the close that stopped it, it processes no further message;
    /// what was sent to it afterwards became a dead letter. <paramref name="closesBeforeStop"/> is
    /// how many CloseRequests the side takes up to its last close (L9: several descriptors).
    /// </summary>
    public static void NothingProcessedAfterClose(DeterministicPty pty, IReadOnlyList<string> trace, string actor, int closesBeforeStop = 1)
    {
        var index = -1;
        for (var n = 0; n < closesBeforeStop; n++)
        {
            index = IndexOf(trace, actor, "CloseRequest", index + 1);
            if (index < 0) return; // never closed in this run
        }
        for (var i = index + 1; i < trace.Count; i++)
            Assert.False(ActorOf(trace[i]) == actor && MessageOf(trace[i]) != "",
                pty.At($"{actor} processed {MessageOf(trace[i])} after its last close (R1/R4): {trace[i]}"));
    }

    /// <summary>Applies <see cref="NothingProcessedAfterClose"/> to every side in the trace.</summary>
    public static void NoSideProcessesAfterItsClose(DeterministicPty pty, IReadOnlyList<string> trace)
    {
        foreach (var actor in Actors(trace, Manager)) NothingProcessedAfterClose(pty, trace, actor);
        foreach (var actor in Actors(trace, Subsidiary)) NothingProcessedAfterClose(pty, trace, actor);
    }

    private static bool Is(string entry, string actorOrKind)
    {
        var actor = ActorOf(entry);
        return actorOrKind.EndsWith('-') ? actor.StartsWith(actorOrKind, StringComparison.Ordinal) : actor == actorOrKind;
    }
}
