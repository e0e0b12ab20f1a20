using Ptm.Actors.Kernel;

namespace Ptm.Actors.Kernel.Tests;

public class ManualClockTests
{
    [Fact]
    public async Task A_zero_delay_timer_on_a_manual_clock_fires_on_a_thread_pool_system_without_advancing()
    {
        var time = new ManualTimeProvider();
        await using var system = ActorSystem.Create("zero", new ActorSystemOptions { Time = time });
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new ZeroDelay(sink)), "zero");
        actor.Tell("start");
        await system.WhenIdleAsync();
        Assert.Equal(new object[] { "fired" }, sink.Messages);
    }

    private sealed class ZeroDelay(IActorRef sink) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "start") Context.Timers.StartSingleTimer("now", "fired", TimeSpan.Zero);
            else sink.Tell(message);
        }
    }
}
