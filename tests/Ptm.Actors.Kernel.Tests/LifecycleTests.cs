using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

public class LifecycleTests : TestKit.TestKit
{
    [Fact]
    public async Task PreStart_runs_before_the_first_message_and_PostStop_after_the_last()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Lifecycle(TestActor)), "hooks");
        actor.Tell("first");
        actor.Tell(PoisonPill.Instance);
        Assert.Equal(new object[] { "prestart", "got:first", "poststop" }, await ReceiveNAsync(3));
    }

    [Fact]
    public async Task PoisonPill_stops_the_actor_after_the_messages_queued_ahead_of_it()
    {
        AllowDeadLetters();
        var actor = Sys.ActorOf(Props.Create(() => new Lifecycle(TestActor)), "pill");
        await ExpectMsgAsync("prestart");
        await WatchAsync(actor);
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("after the pill");
        Assert.Equal(new object[] { "got:a", "got:b", "poststop" }, await ReceiveNAsync(3));
        await ExpectTerminatedAsync(actor);
        Assert.Equal("after the pill", Assert.Single(DeadLetters).Message);
    }

    [Fact, DeterministicSeed(21)]
    public async Task Stopping_a_parent_stops_its_children_first_then_the_parent_then_tells_its_watchers()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, SupervisorStrategy.DefaultStrategy, "c1", "c2")), "parent");
        await ReceiveNAsync(3);
        await WatchAsync(parent);
        Sys.Stop(parent);
        var stops = await ReceiveNAsync(3);
        Assert.Equal("supervisor:poststop", stops[2]);
        Assert.Equal(new object[] { "c1:poststop", "c2:poststop" }, stops.Take(2).OrderBy(s => s));
        await ExpectTerminatedAsync(parent);
    }

    [Fact]
    public async Task Messages_told_to_an_actor_from_its_own_PostStop_are_dead_letters()
    {
        AllowDeadLetters();
        var actor = Sys.ActorOf(Props.Create<TellsItselfInPostStop>(), "last-words");
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        Assert.Equal("too late", Assert.Single(DeadLetters).Message);
    }

    [Fact, DeterministicSeed(22)]
    public async Task A_restart_runs_PreRestart_PostStop_PostRestart_PreStart_and_stops_old_children()
    {
        AllowLoggedErrors();
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, SupervisorStrategy.DefaultStrategy, "kid")), "parent");
        await ReceiveNAsync(2);
        parent.Tell("boom");
        var events = (await ReceiveNAsync(4)).ToList();
        Assert.Equal("supervisor:poststop", events[0]);
        Assert.Contains("kid:poststop", events);
        Assert.Equal("kid:prestart", events[^1]);
        Assert.True(events.IndexOf("supervisor:prestart") > events.IndexOf("kid:poststop"), "the new instance starts only after the old children are gone");
    }

    private sealed class TellsItselfInPostStop : UntypedActor
    {
        protected override void PostStop() => Self.Tell("too late");
        protected override void OnReceive(object message) { }
    }
}
