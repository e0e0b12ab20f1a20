using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// The driver gathers the data packets it forwards in one turn into one message to the peer
/// (SideActor.Driver: a run), so a write cut into several packets (D18) costs the peer one
/// mailbox turn, and a lone packet travels as itself. The trace shows the messages the peer took.
/// </summary>
public sealed class PacketRunTests
{
    [Fact]
    public void A_manager_write_of_three_packets_reaches_the_subsidiary_as_one_run()
    {
        using var pty = new DeterministicPty(recordTrace: true);
        var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.BeginRace();
        // ptm cuts at 512 (D18); the subsidiary's read queue (2048, D17) has room for all three at once.
        Assert.Equal(3 * 512, pty.Write(manager, new byte[3 * 512]));
        var trace = pty.RaceTrace;
        var pts = TraceChecks.Actors(trace, TraceChecks.Subsidiary).Single();
        Assert.Equal(1, TraceChecks.Count(trace, pts, "DataRun"));
        Assert.Equal(0, TraceChecks.Count(trace, pts, "DataMessage"));
        Assert.Equal(3 * 512, pty.Read(subsidiary, 4096).Length);
        pty.CloseAllAndCheckClean(manager, subsidiary);
    }

    [Fact]
    public void A_one_packet_write_reaches_the_peer_as_that_packet()
    {
        using var pty = new DeterministicPty(recordTrace: true);
        var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.BeginRace();
        Assert.Equal(5, pty.Write(manager, "hello"));
        var trace = pty.RaceTrace;
        var pts = TraceChecks.Actors(trace, TraceChecks.Subsidiary).Single();
        Assert.Equal(1, TraceChecks.Count(trace, pts, "DataMessage"));
        Assert.Equal(0, TraceChecks.Count(trace, pts, "DataRun"));
        Assert.Equal("hello", pty.ReadNow(subsidiary));
        pty.CloseAllAndCheckClean(manager, subsidiary);
    }
}
