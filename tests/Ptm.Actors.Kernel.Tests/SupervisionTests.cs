using Ptm.Actors.TestKit;
using Serilog.Events;

namespace Ptm.Actors.Kernel.Tests;

public class SupervisionTests : TestKit.TestKit
{
    public SupervisionTests() => AllowLoggedErrors();

    [Fact]
    public void The_default_decider_stops_on_init_kill_and_death_pact_and_restarts_on_anything_else()
    {
        var dead = new Collector();
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException(null, "init", null)));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorKilledException("kill")));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new DeathPactException(dead)));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
        var strategy = Assert.IsType<OneForOneStrategy>(SupervisorStrategy.DefaultStrategy);
        Assert.Equal(-1, strategy.MaxNrOfRetries);
        Assert.Null(strategy.WithinTimeRange);
    }

    [Fact]
    public async Task Kill_stops_the_actor_under_the_default_strategy()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Lifecycle(TestActor)), "victim");
        await ExpectMsgAsync("prestart");
        await WatchAsync(actor);
        actor.Tell(Kill.Instance);
        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task A_constructor_that_throws_stops_the_actor_with_an_initialization_failure()
    {
        var actor = Sys.ActorOf(Props.Create<ThrowsInConstructor>(), "broken");
        await WatchAsync(actor);
        await ExpectTerminatedAsync(actor);
        Logs.AssertLogged(LogEventLevel.Error, "ActorInitializationException");
    }

    [Fact, DeterministicSeed(11)]
    public async Task The_retry_window_resets_once_it_has_passed()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, strategy, "kid")), "parent");
        parent.Tell("kid:boom");
        parent.Tell("kid:boom");
        await AdvanceAsync(TimeSpan.FromMinutes(2));
        parent.Tell("kid:boom");
        parent.Tell("kid:still alive");
        await FishForMessageAsync<string>(s => s == "kid:got:still alive");
        Assert.Equal(3, Logs.Find(LogEventLevel.Error, "directive Restart").Count);
    }

    [Fact, DeterministicSeed(12)]
    public async Task Stop_directive_stops_only_the_failed_child()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Stop);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, strategy, "a", "b")), "parent");
        parent.Tell("a:boom");
        parent.Tell("b:hello");
        await FishForMessageAsync<string>(s => s == "a:poststop");
        await FishForMessageAsync<string>(s => s == "b:got:hello");
        await ExpectNoMsgAsync();
        Assert.DoesNotContain(Logs.Events, e => e.RenderMessage().Contains("/b") && e.Level >= LogEventLevel.Error);
    }

    [Fact, DeterministicSeed(13)]
    public async Task Escalate_fails_the_supervisor_which_its_own_supervisor_restarts()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Escalate);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, strategy, "kid")), "parent");
        await ExpectMsgAsync("supervisor:prestart");
        await ExpectMsgAsync("kid:prestart");
        parent.Tell("kid:boom");
        // The parent restarts: its default PreRestart stops the child, then PostStop; the new instance starts a new child.
        var events = await ReceiveNAsync(4);
        Assert.Equal(new object[] { "supervisor:poststop", "kid:poststop", "supervisor:prestart", "kid:prestart" }.OrderBy(x => x), events.OrderBy(x => x));
        var order = events.ToList();
        Assert.True(order.IndexOf("kid:poststop") < order.IndexOf("kid:prestart"));
        Logs.AssertLogged(LogEventLevel.Error, "user/parent\" failed");
    }

    [Fact, DeterministicSeed(14)]
    public async Task All_for_one_restarts_every_sibling_when_one_fails()
    {
        var strategy = new AllForOneStrategy(-1, null, SupervisorStrategy.DefaultDecider);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, strategy, "a", "b")), "parent");
        await ReceiveNAsync(3);
        parent.Tell("a:boom");
        var events = await ReceiveNAsync(8);
        Assert.Contains("a:prerestart:boom", events);
        Assert.Contains("b:prerestart:", events);
        Assert.Equal(2, events.Count(e => e is string s && s.EndsWith("postrestart")));
        parent.Tell("b:after");
        await ExpectMsgAsync("b:got:after");
    }

    [Fact]
    public void Restart_keeps_the_mailbox_and_skips_the_failing_message()
    {
        // Ported from CoreTests: the Akka.NET 1.5.27 observation, on one deterministic run.
        var system = ActorSystem.Create("restart", ActorSystemOptions.Deterministic(1));
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new Lifecycle(sink)), "fragile");
        foreach (var m in new[] { "one", "boom", "two", "three" }) actor.Tell(m);
        system.RunUntilIdle();
        Assert.Equal(new object[] { "prestart", "got:one", "prerestart:boom", "poststop", "postrestart", "prestart", "got:two", "got:three" }, sink.Messages);
    }

    [Fact]
    public async Task Failures_are_logged_at_Error_for_restart_and_Warning_for_resume()
    {
        var resume = new OneForOneStrategy(_ => Directive.Resume);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, resume, "kid")), "parent");
        parent.Tell("kid:boom");
        parent.Tell("kid:next");
        await FishForMessageAsync<string>(s => s == "kid:got:next");
        Logs.AssertLogged(LogEventLevel.Warning, "resuming");
        Assert.Empty(Logs.Find(LogEventLevel.Error));
    }

    private sealed class ThrowsInConstructor : UntypedActor
    {
        public ThrowsInConstructor() => throw new InvalidOperationException("cannot start");
        protected override void OnReceive(object message) { }
    }
}
