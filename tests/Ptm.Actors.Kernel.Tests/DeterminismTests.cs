using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

public class DeterminismTests : TestKit.TestKit
{
    [Theory, Seeds(1, 50)]
    public async Task The_same_seed_gives_the_same_trace_on_two_runs(int seed)
    {
        UseSeed(seed);
        var first = Scenario(Sys);
        var replay = ActorSystem.Create("replay", ActorSystemOptions.Deterministic(seed));
        var second = Scenario(replay);
        await replay.Terminate();
        Assert.Equal(first, second);
        Assert.NotEmpty(first);
    }

    [Fact]
    public void Terminated_follows_every_message_of_the_dead_actor_over_1000_random_message_counts()
    {
        // A property without FsCheck: one seeded generator picks the dispatcher seed and the count.
        var random = new Random(20261122);
        for (var round = 0; round < 1000; round++)
        {
            var seed = random.Next();
            var count = random.Next(0, 60);
            var system = ActorSystem.Create("property", ActorSystemOptions.Deterministic(seed));
            var sink = new Collector();
            var sender = system.ActorOf(Props.Create(() => new CountThenStop(sink, count)), "sender");
            system.ActorOf(Props.Create(() => new Watcher(sender, sink)), "watcher");
            system.RunUntilIdle();
            sender.Tell("go");
            system.RunUntilIdle();
            var received = sink.Messages;
            var context = $"round {round}, dispatcher seed {seed}, count {count}";
            Assert.True(received.Count == count + 1, $"{context}: got {received.Count} messages");
            for (var i = 0; i < count; i++) Assert.True(Equals(i, received[i]), $"{context}: message {i} was {received[i]}");
            Assert.True(received[count] is Terminated { ExistenceConfirmed: true }, $"{context}: last was {received[count]}");
            Assert.True(system.Terminate().IsCompleted, $"{context}: a deterministic shutdown completes synchronously");
        }
    }

    [Fact]
    public async Task A_deterministic_system_runs_nothing_until_asked_and_then_everything_ready()
    {
        UseSeed(99);
        var target = TestActor;
        var actor = Sys.ActorOf(Props.Create(() => new Forwarder(target)), "lazy");
        actor.Tell("queued");
        Assert.Equal(1, Faults.QueuedMessages(actor));
        Assert.Empty(Sys.Trace);
        Assert.True(Sys.RunUntilIdle() > 0);
        Assert.Equal(0, Faults.QueuedMessages(actor));
        await ExpectMsgAsync("queued");
    }

    private static IReadOnlyList<string> Scenario(ActorSystem system)
    {
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
}
