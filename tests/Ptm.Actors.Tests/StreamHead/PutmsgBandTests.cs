using Ptm.Actors.Modules;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// putmsg with a control part sends an ordinary M_PROTO (band 0: there is no RS_HIPRI here, H7),
/// never a high-priority M_PCPROTO, which would overtake queued data: pckt on the manager
/// shows the message's type to the program (M2).
/// </summary>
public class PutmsgBandTests
{
    [Fact]
    public void H7_a_putmsg_with_a_control_part_reaches_pckt_as_an_ordinary_M_PROTO()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(m, "pckt"));
        pty.Ok(pty.Posix.PutMessageAsync(s, Bytes.Of("c"), Bytes.Of("d")));
        var packet = pty.Settled(pty.Posix.GetMessageAsync(m, 16, 16));
        Assert.Equal(new[] { PacketTypes.M_PROTO }, packet.Control!.Value.ToArray());
        Assert.Equal("cd", Bytes.Text(packet.Data!.Value.Span));
        pty.CloseAllAndCheckClean(m, s);
    }
}
