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
    public async Task Ask_times_out_with_AskTimeoutException_on_the_injected_clock()
    {
        var time = new ManualTimeProvider();
        await using var system = ActorSystem.Create("asktimeout", new ActorSystemOptions { Time = time, DefaultAskTimeout = TimeSpan.FromSeconds(3) });
        var silent = system.ActorOf(Props.Create(() => new Forwarder(system.DeadLetters)), "silent");
        var ask = silent.Ask<string>("anyone?");
        await system.WhenIdleAsync();
        Assert.False(ask.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("silent", error.Message);
    }

    [Fact]
    public async Task Status_Failure_faults_the_Ask()
    {
        await using var system = ActorSystem.Create("askfail");
        var failing = system.ActorOf(Props.Create<RepliesFailure>(), "failing");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Ask<string>("x"));
        Assert.Equal("no", error.Message);
    }

    [Fact]
    public void Restart_keeps_the_mailbox_and_skips_the_failing_message()
    {
        var system = ActorSystem.Create("restart", ActorSystemOptions.Deterministic(1));
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new FailsOnBoom(sink)), "fragile");
        actor.Tell("one");
        actor.Tell("boom");
        actor.Tell("two");
        actor.Tell("three");
        system.RunUntilIdle();
        Assert.Equal(new object[] { "prestart", "got:one", "prerestart:boom", "poststop", "postrestart", "prestart", "got:two", "got:three" }, sink.Messages);
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
    public void A_cancelled_or_replaced_timer_never_delivers_a_stale_message()
    {
        var system = ActorSystem.Create("timers", ActorSystemOptions.Deterministic(6));
        var time = (ManualTimeProvider)system.Time;
        var sink = new Collector();
        var actor = system.ActorOf(Props.Create(() => new TimerUser(sink)), "timers");
        actor.Tell("start");
        system.RunUntilIdle();
        // Hold the actor so "restart-timer" is queued first and the old timer's message lands behind it.
        var cell = ((LocalActorRef)actor).Cell;
        cell.Hold();
        actor.Tell("restart-timer");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, cell.Mailbox.UserCount);
        cell.ReleaseHold();
        system.RunUntilIdle();
        Assert.Empty(sink.Messages);
        time.Advance(TimeSpan.FromSeconds(2));
        system.RunUntilIdle();
        Assert.Equal(new object[] { "tick-2" }, sink.Messages);
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

    [Fact]
    public async Task Terminate_stops_children_before_parents()
    {
        var system = ActorSystem.Create("order");
        var sink = new Collector();
        system.ActorOf(Props.Create(() => new Parent(sink)), "parent");
        await system.WhenIdleAsync();
        await system.Terminate();
        Assert.Equal(new object[] { "child stopped", "parent stopped" }, sink.Messages);
    }

    [Fact]
    public async Task WhenIdle_completes_only_after_a_chain_of_messages_has_finished()
    {
        await using var system = ActorSystem.Create("idle");
        var sink = new Collector();
        IActorRef next = sink;
        for (var i = 0; i < 20; i++)
        {
            var target = next; // actors are constructed later, on their first turn: capture a copy
            next = system.ActorOf(Props.Create(() => new Forwarder(target)));
        }
        for (var i = 0; i < 100; i++) next.Tell(i);
        await system.WhenIdleAsync();
        Assert.Equal(100, sink.Messages.Count);
    }

    private sealed class RepliesFailure : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(new Status.Failure(new InvalidOperationException("no")));
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

    private sealed class TimerUser(IActorRef sink) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "start": Context.Timers.StartSingleTimer("t", "tick-1", TimeSpan.FromSeconds(1)); break;
                case "restart-timer": Context.Timers.StartSingleTimer("t", "tick-2", TimeSpan.FromSeconds(2)); break;
                default: sink.Tell(message); break;
            }
        }
    }

    private sealed class TimeoutUser(IActorRef sink) : UntypedActor
    {
        protected override void PreStart() => Context.SetReceiveTimeout(TimeSpan.FromSeconds(5));

        protected override void OnReceive(object message) => sink.Tell(message);
    }

    private sealed class Parent(IActorRef sink) : UntypedActor
    {
        protected override void PreStart() => Context.ActorOf(Props.Create(() => new Child(sink)), "child");
        protected override void PostStop() => sink.Tell("parent stopped");
        protected override void OnReceive(object message) { }
    }

    private sealed class Child(IActorRef sink) : UntypedActor
    {
        protected override void PostStop() => sink.Tell("child stopped");
        protected override void OnReceive(object message) { }
    }
}
