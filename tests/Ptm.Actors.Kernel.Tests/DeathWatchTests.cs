using Ptm.Actors.Kernel;

namespace Ptm.Actors.Kernel.Tests;

public class DeathWatchTests
{
    public static IEnumerable<object[]> Seeds(int count)
    {
        for (var seed = 1; seed <= count; seed++) yield return new object[] { seed };
    }

    [Fact]
    public void Terminated_arrives_after_every_message_the_dead_actor_sent_over_1000_seeds()
    {
        for (var seed = 1; seed <= 1000; seed++)
        {
            var system = ActorSystem.Create("dw", ActorSystemOptions.Deterministic(seed));
            var sink = new Collector();
            var sender = system.ActorOf(Props.Create(() => new CountThenStop(sink, 50)), "sender");
            var watcher = system.ActorOf(Props.Create(() => new Watcher(sender, sink)), "watcher");
            system.RunUntilIdle();
            sender.Tell("go");
            system.RunUntilIdle();

            var received = sink.Messages;
            Assert.True(received.Count == 51, $"seed {seed}: expected 50 numbers and one Terminated, got {received.Count}");
            for (var i = 0; i < 50; i++) Assert.Equal(i, received[i]);
            var terminated = Assert.IsType<Terminated>(received[50]);
            Assert.Equal(sender, terminated.ActorRef);
            Assert.True(terminated.ExistenceConfirmed, $"seed {seed}");
            _ = watcher;
            Assert.True(system.Terminate().IsCompleted, $"seed {seed}: a deterministic shutdown completes synchronously");
        }
    }

    [Fact]
    public void The_same_seed_replays_the_same_interleaving()
    {
        static IReadOnlyList<string> Run(int seed)
        {
            var system = ActorSystem.Create("replay", ActorSystemOptions.Deterministic(seed));
            var sink = new Collector();
            for (var i = 0; i < 5; i++)
            {
                var sender = system.ActorOf(Props.Create(() => new CountThenStop(sink, 10)), "s" + i);
                system.ActorOf(Props.Create(() => new Watcher(sender, sink)), "w" + i);
                sender.Tell("go");
            }
            system.RunUntilIdle();
            return system.Trace;
        }

        var distinct = new HashSet<string>();
        for (var seed = 1; seed <= 20; seed++)
        {
            var first = Run(seed);
            Assert.Equal(first, Run(seed));
            distinct.Add(string.Join("\n", first));
        }
        Assert.True(distinct.Count > 10, $"20 seeds produced only {distinct.Count} distinct interleavings");
    }

    [Fact]
    public void Watching_a_dead_actor_yields_Terminated_without_existence_confirmed()
    {
        var system = ActorSystem.Create("dead", ActorSystemOptions.Deterministic(1));
        var sink = new Collector();
        var victim = system.ActorOf(Props.Create<Echo>(), "victim");
        system.Stop(victim);
        system.RunUntilIdle();
        system.ActorOf(Props.Create(() => new Watcher(victim, sink)), "late");
        system.RunUntilIdle();
        var terminated = Assert.IsType<Terminated>(Assert.Single(sink.Messages));
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watch_is_idempotent_and_Terminated_arrives_once()
    {
        var system = ActorSystem.Create("twice", ActorSystemOptions.Deterministic(3));
        var sink = new Collector();
        var subject = system.ActorOf(Props.Create<Echo>(), "subject");
        system.ActorOf(Props.Create(() => new DoubleWatcher(subject, sink)), "watcher");
        system.RunUntilIdle();
        system.Stop(subject);
        system.RunUntilIdle();
        Assert.Single(sink.Messages.OfType<Terminated>());
    }

    [Fact]
    public void Unwatch_discards_a_Terminated_already_queued()
    {
        var system = ActorSystem.Create("unwatch", ActorSystemOptions.Deterministic(5));
        var sink = new Collector();
        var subject = system.ActorOf(Props.Create<Echo>(), "subject");
        var watcher = system.ActorOf(Props.Create(() => new UnwatchOnCue(subject, sink)), "watcher");
        system.RunUntilIdle();
        // Hold the watcher's user messages: the death notification (a system message) is still
        // processed, so its Terminated is queued behind "unwatch" before the watcher runs.
        KernelFaults.Hold(watcher);
        watcher.Tell("unwatch");
        system.Stop(subject);
        system.RunUntilIdle();
        Assert.Equal(2, KernelFaults.QueuedMessages(watcher));
        KernelFaults.Release(watcher);
        system.RunUntilIdle();
        Assert.DoesNotContain(sink.Messages, m => m is Terminated);
        Assert.Contains("unwatched", sink.Messages);
    }

    [Fact]
    public void An_unhandled_Terminated_stops_the_watcher_with_a_death_pact()
    {
        var system = ActorSystem.Create("pact", ActorSystemOptions.Deterministic(7));
        var sink = new Collector();
        var subject = system.ActorOf(Props.Create<Echo>(), "subject");
        var careless = system.ActorOf(Props.Create(() => new IgnoresTerminated(subject)), "careless");
        system.ActorOf(Props.Create(() => new Watcher(careless, sink)), "observer");
        system.RunUntilIdle();
        system.Stop(subject);
        system.RunUntilIdle();
        var terminated = Assert.IsType<Terminated>(Assert.Single(sink.Messages));
        Assert.Equal(careless, terminated.ActorRef);
    }

    [Fact]
    public void A_child_name_is_free_again_when_the_parent_processes_Terminated()
    {
        var system = ActorSystem.Create("names", ActorSystemOptions.Deterministic(11));
        var sink = new Collector();
        var parent = system.ActorOf(Props.Create(() => new RecreatesChild(sink)), "parent");
        parent.Tell("start");
        system.RunUntilIdle();
        Assert.Equal(new object[] { "created", "recreated" }, sink.Messages);
    }

    [Theory]
    [MemberData(nameof(Seeds), 20)]
    public void A_parent_watching_its_child_gets_one_Terminated_and_so_does_every_other_watcher(int seed)
    {
        var system = ActorSystem.Create("watchers", ActorSystemOptions.Deterministic(seed));
        var sink = new Collector();
        var parent = system.ActorOf(Props.Create(() => new WatchesOwnChild(sink)), "parent");
        system.RunUntilIdle();
        var child = Assert.Single(((LocalActorRef)parent).Cell.Children);
        for (var i = 0; i < 3; i++) system.ActorOf(Props.Create(() => new Watcher(child, sink)), "other" + i);
        system.RunUntilIdle();
        system.Stop(child);
        system.RunUntilIdle();
        Assert.Equal(4, sink.Messages.OfType<Terminated>().Count(t => t.ActorRef.Equals(child)));
        Assert.Single(sink.Messages, m => m is string text && text == "parent saw it");
    }

    private sealed class WatchesOwnChild(IActorRef sink) : UntypedActor
    {
        protected override void PreStart() => Context.Watch(Context.ActorOf(Props.Create<Echo>(), "child"));

        protected override void OnReceive(object message)
        {
            sink.Tell(message);
            if (message is Terminated) sink.Tell("parent saw it");
        }
    }

    private sealed class DoubleWatcher(IActorRef subject, IActorRef sink) : UntypedActor
    {
        protected override void PreStart()
        {
            Context.Watch(subject);
            Context.Watch(subject);
        }

        protected override void OnReceive(object message) => sink.Tell(message);
    }

    private sealed class UnwatchOnCue(IActorRef subject, IActorRef sink) : UntypedActor
    {
        protected override void PreStart() => Context.Watch(subject);

        protected override void OnReceive(object message)
        {
            if (message is "unwatch")
            {
                Context.Unwatch(subject);
                sink.Tell("unwatched");
                return;
            }
            sink.Tell(message);
        }
    }

    private sealed class IgnoresTerminated(IActorRef subject) : UntypedActor
    {
        protected override void PreStart() => Context.Watch(subject);

        protected override void OnReceive(object message) => Unhandled(message);
    }

    private sealed class RecreatesChild(IActorRef sink) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "start":
                    Context.Watch(Context.ActorOf(Props.Create<Echo>(), "child"));
                    sink.Tell("created");
                    Context.Stop(Context.Child("child")!);
                    break;
                case Terminated:
                    Context.ActorOf(Props.Create<Echo>(), "child");
                    sink.Tell("recreated");
                    break;
            }
        }
    }
}
