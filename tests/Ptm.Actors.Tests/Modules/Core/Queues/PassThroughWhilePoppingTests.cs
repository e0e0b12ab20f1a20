using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.CoreQueues;

/// <summary>
/// Between its close routine and its ModulePopped (M4.2), a popped module's actor is plumbing
/// only: a message from above goes down unprocessed, not into a module that has closed, and
/// not lost (PD14).
/// </summary>
public class PassThroughWhilePoppingTests
{
    [Fact]
    public void A_message_from_above_during_the_pop_goes_down_unprocessed_even_past_a_held_write_side()
    {
        using var harness = new ModuleActorHarness(new StoppableModule());
        harness.FromAbove(new FlowMessage(FlowKind.StopOutput)); // the module would now hold ordinary output (M3.6)
        harness.Module.Tell(PopModule.Instance, harness.Side.Ref);
        harness.FromAbove(ModuleActorHarness.Data("late"));
        harness.Module.Tell(Rewired.Instance, harness.Below.Ref); // the module below has switched: the pop ends

        Assert.Equal(["Rewire", "data late"], harness.Below.Until(m => m is Downstream).Select(ModuleActorHarness.Describe));
        Assert.IsType<ModulePopped>(harness.Side.Next());
    }
}
