using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>
/// The bytes a cross-node soak writes: the TestKit soak's own self-locating pattern
/// (PayloadPattern), one stream per direction of a session, so a reader that knows only its
/// stream and how much it has read can tell a hole, a duplicate or a reordering from the first
/// wrong byte (CL9), with no word from the writer's node. Stream 2K is manager to subsidiary,
/// 2K+1 subsidiary to manager.
/// </summary>
internal static class StreamPattern
{
    /// <summary>The stream a side of session <paramref name="session"/> writes.</summary>
    public static long Outgoing(long session, bool manager) => session * 2 + (manager ? 0 : 1);

    /// <summary>The stream a side of session <paramref name="session"/> reads.</summary>
    public static long Incoming(long session, bool manager) => Outgoing(session, !manager);

    /// <summary>The PayloadPattern stream behind stream number <paramref name="stream"/>.</summary>
    public static StreamKey Key(long stream) => new(stream, Direction.ManagerToSubsidiary, 0);

    /// <summary>Fills <paramref name="chunk"/> with the stream's bytes from <paramref name="offset"/>.</summary>
    public static void Fill(long stream, long offset, Span<byte> chunk) => PayloadPattern.Fill(Key(stream), offset, chunk);
}
