using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// D13, D14: an M_PROTO message (putmsg with a control part) sent across the pair takes room
/// in the peer's read queue as data does, so a peer that never reads stops the sender.
/// </summary>
public sealed class ControlMessageFlowControlTests
{
    [Fact]
    public void Putmsg_with_a_control_part_to_a_subsidiary_that_never_reads_meets_flow_control()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        // The subsidiary's read queue (2048, D17) and ptm's queue (512, D14) hold a few KB at most;
        // 64 KB of control parts that never stop would mean the peer's room ignores M_PROTO.
        var accepted = 0;
        SysResult result = default;
        for (var i = 0; i < 64; i++)
        {
            result = pty.Settle(pty.Posix.PutMessageAsync(manager, Bytes.Repeat('c', 1000), null));
            if (!result.IsOk) break;
            accepted++;
        }
        Assert.Equal(Errno.EAGAIN, result.Errno);
        Assert.InRange(accepted * 1000, 2048, 2048 + 512 + 2 * 1000);
        pty.CloseAllAndCheckClean(manager, subsidiary);
    }
}
