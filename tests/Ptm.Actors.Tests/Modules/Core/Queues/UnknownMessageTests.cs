using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.Tests.Modules.CoreQueues;

/// <summary>
/// A message the module actor does not know is reported as unhandled (Akka.NET's UnhandledMessage
/// on the event stream), where the dead-letter count every test ends with sees it, not swallowed
/// without a trace.
/// </summary>
public class UnknownMessageTests
{
    private sealed record Stray(int Number);

    [Fact]
    public void A_module_actor_reports_a_message_it_does_not_know_as_unhandled()
    {
        using var harness = new ModuleActorHarness(new StoppableModule());
        var unhandled = new ModuleActorHarness.Probe(harness.System, "unhandled");
        harness.System.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));

        harness.Module.Tell(new Stray(1), harness.Side.Ref);

        var report = Assert.IsType<UnhandledMessage>(unhandled.Next());
        Assert.Equal(new Stray(1), report.Message);
        Assert.Equal(harness.Module, report.Recipient);
    }
}
