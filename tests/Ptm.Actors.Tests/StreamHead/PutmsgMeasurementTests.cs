using Ptm.Actors.Tests.Diagnostics;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// putmsg is measured as write is: ptm.bytes counts its control and data parts (H7), and a
/// putmsg that went down at once is no flow-control stall (H8).
/// </summary>
public class PutmsgMeasurementTests
{
    [Fact]
    public void H7_ptm_bytes_counts_both_parts_of_a_putmsg_and_a_putmsg_that_went_through_is_no_stall()
    {
        using var pty = new DeterministicPty();
        using var meter = new MeterRecorder(pty.System.Name);
        var (m, s) = pty.OpenPair(); // blocking: a putmsg that had to wait would be counted as a stall
        pty.Ok(pty.Posix.PutMessageAsync(s, Bytes.Of("ctl"), Bytes.Of("hello")));
        pty.Ok(pty.Posix.PutMessageAsync(s, null, Bytes.Of("data")));
        pty.Ok(pty.Posix.PutMessageAsync(s, Bytes.Of("c"), null));
        Assert.Equal(3 + 5 + 4 + 1, meter.Value("ptm.bytes", "ptm.direction=subsidiary_to_manager"));
        Assert.Equal(0, meter.Value("ptm.flow_control.stalls", "ptm.side=subsidiary"));
        pty.CloseAllAndCheckClean(m, s);
    }
}
