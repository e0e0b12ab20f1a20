using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.CoreQueues;

/// <summary>
/// A rewire (a push above the module, or the pop of its upper neighbour, M4.2) changes the queue
/// the module's read side puts into: what waited for room in the old neighbour's queue goes on as
/// soon as the new one has room, without waiting for a back-enable from a queue it no longer feeds
/// (D13, D15).
/// </summary>
public class RewireRunsTheServiceTests
{
    [Fact]
    public void A_rewire_to_a_neighbour_with_room_sends_on_what_waited_for_the_old_full_one()
    {
        using var harness = new ModuleActorHarness(new StoppableModule());
        harness.AboveRead.Sent(new DataMessage(new byte[WaterMarks.StreamHead.High])); // on its way to the neighbour above, which never takes it: full (D14)
        harness.FromBelow(ModuleActorHarness.Data("waits"));
        var newAbove = new ModuleActorHarness.Probe(harness.System, "new-above");
        var rewired = new ModuleActorHarness.Probe(harness.System, "rewired");

        harness.Module.Tell(new Rewire(newAbove.Ref, new QueueGauge(WaterMarks.StreamHead), null, null, rewired.Ref), harness.Side.Ref);

        Assert.IsType<Rewired>(rewired.Next());
        Assert.Equal("data waits", ModuleActorHarness.Describe(newAbove.Next()));
    }
}
