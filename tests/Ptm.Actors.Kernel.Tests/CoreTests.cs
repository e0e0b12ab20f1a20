using Ptm.Actors.Kernel;

namespace Ptm.Actors.Kernel.Tests;

public class CoreTests
{
    [Fact]
    public async Task Ask_returns_the_reply()
    {
        await using var system = ActorSystem.Create("ask");
        var echo = system.ActorOf(Props.Create<Echo>(), "echo");
        Assert.Equal("hi", await echo.Ask<string>("hi"));
    }

    [Fact]
    public void A_stopping_strategy_stops_the_failed_child_and_later_messages_become_dead_letters()
    {
        var system = ActorSystem.Create("stopping", new ActorSystemOptions { DeterministicSeed = 2, GuardianStrategy = SupervisorStrategy.StoppingStrategy });
        var sink = new Collector();
        var letters = new List<DeadLetter>();
        using var _ = system.DeadLetterStream.Subscribe(letters.Add);
        var actor = system.ActorOf(Props.Create(() => new FailsOnBoom(sink)), "fragile");
        actor.Tell("boom");
        system.RunUntilIdle();
        actor.Tell("after");
        system.RunUntilIdle();
        Assert.Contains("poststop", sink.Messages);
        Assert.Equal("after", Assert.Single(letters).Message);
        Assert.Equal(1, system.DeadLetterStream.Count);
    }

    [Fact]
    public void Retries_beyond_the_window_stop_the_child()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider);
        var system = ActorSystem.Create("retries", new ActorSystemOptions { DeterministicSeed = 3, GuardianStrategy = strategy });
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new FailsOnBoom(sink)), "fragile");
        for (var i = 0; i < 3; i++) actor.Tell("boom");
        actor.Tell("late");
        system.RunUntilIdle();
        Assert.Equal(2, sink.Messages.Count(m => m is "postrestart"));
        Assert.DoesNotContain("got:late", sink.Messages);
    }

    [Fact]
    public void Resume_keeps_the_instance_state()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        var system = ActorSystem.Create("resume", new ActorSystemOptions { DeterministicSeed = 4, GuardianStrategy = strategy });
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new FailsOnBoom(sink)), "fragile");
        actor.Tell("boom");
        actor.Tell("one");
        system.RunUntilIdle();
        Assert.DoesNotContain("postrestart", sink.Messages);
        Assert.Contains("got:one", sink.Messages);
    }

    [Fact]
    public void Unstash_all_prepends_in_original_order_and_the_stash_survives_restart()
    {
        var system = ActorSystem.Create("stash", ActorSystemOptions.Deterministic(5));
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new StashUntilOpen(sink)), "stasher");
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("crash");
        actor.Tell("c");
        actor.Tell("open");
        actor.Tell("d");
        system.RunUntilIdle();
        Assert.Equal(new object[] { "a", "b", "c", "d" }, sink.Messages.Where(m => m is string s && s.Length == 1));
    }

    [Fact]
    public void Receive_timeout_fires_after_an_idle_period_and_not_while_busy()
    {
        var system = ActorSystem.Create("rt", ActorSystemOptions.Deterministic(7));
        var time = (ManualTimeProvider)system.Time;
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new TimeoutUser(sink)), "rt");
        system.RunUntilIdle();
        time.Advance(TimeSpan.FromSeconds(4));
        actor.Tell("busy");
        system.RunUntilIdle();
        time.Advance(TimeSpan.FromSeconds(4));
        system.RunUntilIdle();
        Assert.Equal(new object[] { "busy" }, sink.Messages);
        time.Advance(TimeSpan.FromSeconds(1));
        system.RunUntilIdle();
        Assert.Equal(new object[] { "busy", ReceiveTimeout.Instance }, sink.Messages);
    }

    [Fact]
    public void Duplicate_and_invalid_names_throw_InvalidActorNameException_with_the_name()
    {
        var system = ActorSystem.Create("names", ActorSystemOptions.Deterministic(8));
        system.ActorOf(Props.Create<Echo>(), "taken");
        Assert.Contains("taken", Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create<Echo>(), "taken")).Message);
        Assert.Contains("a/b", Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create<Echo>(), "a/b")).Message);
    }

    [Fact]
    public async Task A_terminated_system_rejects_new_actors_and_terminate_is_idempotent()
    {
        var system = ActorSystem.Create("gone");
        var echo = system.ActorOf(Props.Create<Echo>(), "echo");
        var first = system.Terminate();
        Assert.Same(first, system.Terminate());
        await first;
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create<Echo>()));
        echo.Tell("into the void"); // never throws
        Assert.Throws<ArgumentNullException>(() => echo.Tell(null!));
    }

    private sealed class FailsOnBoom(IActorRef sink) : UntypedActor
    {
        protected override void PreStart() => sink.Tell("prestart");
        protected override void PostStop() => sink.Tell("poststop");
        protected override void PreRestart(Exception reason, object? message)
        {
            sink.Tell("prerestart:" + message);
            base.PreRestart(reason, message);
        }
        protected override void PostRestart(Exception reason)
        {
            sink.Tell("postrestart");
            base.PostRestart(reason);
        }

        protected override void OnReceive(object message)
        {
            if (message is "boom") throw new InvalidOperationException("boom");
            sink.Tell("got:" + message);
        }
    }

    private sealed class StashUntilOpen(IActorRef sink) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "crash": throw new InvalidOperationException("crash while stashing");
                case "open":
                    Context.Become(m => { sink.Tell(m); return true; });
                    Context.Stash.UnstashAll();
                    break;
                default: Context.Stash.Stash(); break;
            }
        }
    }

    private sealed class TimeoutUser(IActorRef sink) : UntypedActor
    {
        protected override void PreStart() => Context.SetReceiveTimeout(TimeSpan.FromSeconds(5));

        protected override void OnReceive(object message) => sink.Tell(message);
    }

}
