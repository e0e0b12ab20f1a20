using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.CoreQueues;

/// <summary>
/// An M_FLUSH reaching a module whose write queue holds messages (ptem's stopped output, M3.6):
/// the actor empties its own queue before the module sees the flush, as flushq(FLUSHDATA) does,
/// so data and ordinary M_PROTO go but an ioctl waiting there stays (D4, D7), and the bytes the
/// neighbour above sees on that queue drop with the data (D13, D14).
/// </summary>
public class FlushOfAHeldWriteQueueTests
{
    private static readonly IoctlMessage DrainingIoctl = new(1, IoctlCommands.TCSETSW, new byte[] { 1, 2, 3 }, Credentials.Root);

    [Fact]
    public void A_flush_discards_held_data_and_protos_and_keeps_the_held_ioctl_for_after_the_restart()
    {
        using var harness = new ModuleActorHarness(new StoppableModule());
        StopAndHoldDataAndProto(harness);
        harness.FromAbove(DrainingIoctl); // TCSETSW waits for the output ahead of it (M3.6), so it is held too
        harness.FromAbove(new FlushMessage(FlushFlags.FLUSHW));
        harness.FromAbove(new FlowMessage(FlowKind.StartOutput));
        harness.FromAbove(ModuleActorHarness.Data("after"));

        var below = harness.Below.Until(m => m is Downstream { Message: DataMessage });

        Assert.Equal([
            "FlushMessage", // priority: at once, past the held ones (D13)
            "IoctlMessage", // flushq(FLUSHDATA) keeps it: its caller is still waiting for an answer (R9)
            "data after",
        ], below.Select(ModuleActorHarness.Describe));
    }

    [Fact]
    public void A_flush_of_held_data_and_protos_empties_the_bytes_the_writer_above_sees()
    {
        using var harness = new ModuleActorHarness(new StoppableModule());
        StopAndHoldDataAndProto(harness);
        harness.FromAbove(new FlushMessage(FlushFlags.FLUSHW));
        harness.FromAbove(new SignalMessage(Signal.SIGINT, Priority: true)); // a marker: it reaches below after the flush's turn has published

        Assert.Equal(["FlushMessage", "SignalMessage"], harness.Below.Until(m => m is Downstream { Message: SignalMessage }).Select(ModuleActorHarness.Describe));
        // Still stopped, nothing held that counts: a writer above may put again (D14, D15).
        Assert.Equal(0, harness.WriteQueue.Level);
    }

    /// <summary>Stops the module's output, then sends it an M_DATA and an ordinary M_PROTO, which wait in its write queue.</summary>
    private static void StopAndHoldDataAndProto(ModuleActorHarness harness)
    {
        harness.FromAbove(new FlowMessage(FlowKind.StopOutput));
        harness.FromAbove(ModuleActorHarness.Data("flushed"));
        harness.FromAbove(new ProtoMessage(new byte[] { 7 }, new byte[] { 8, 9 }, Priority: false));
    }
}
