using System.Runtime.CompilerServices;
using Akka.Actor;

namespace Ptm.Actors.TestKit.Tests;

public class IdleDetectionTests : TestKit
{
    [Fact]
    public async Task On_the_ThreadPool_idle_comes_only_after_every_message_of_a_relay_chain_was_handled()
    {
        var count = new StrongBox<int>();
        IActorRef next = Sys.ActorOf(Props.Create(() => new Counter(count)), "sink");
        for (var i = 0; i < 10; i++)
        {
            var target = next;
            next = Sys.ActorOf(Props.Create(() => new Relay(target)), "relay" + i);
        }
        for (var m = 0; m < 100; m++) next.Tell(m, ActorRefs.NoSender);
        await WaitForIdleAsync();
        Assert.Equal(100, Volatile.Read(ref count.Value));
    }

    [Fact]
    public async Task Idle_waits_for_a_top_level_actor_the_guardian_is_still_starting()
    {
        for (var round = 0; round < 50; round++)
        {
            var count = new StrongBox<int>();
            Sys.ActorOf(Props.Create(() => new Counter(count)), "counter" + round).Tell("hello", ActorRefs.NoSender);
            await WaitForIdleAsync();
            Assert.Equal(1, Volatile.Read(ref count.Value));
        }
    }

    [Fact]
    public async Task An_actor_that_never_stops_working_fails_the_wait_and_says_so()
    {
        AllowDeadLetters(); // the spinner's last message to itself outlives it
        var spinner = Sys.ActorOf(Props.Create<Spinner>(), "spinner");
        spinner.Tell("again", ActorRefs.NoSender);
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => WaitForIdleAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Contains("did not become idle", failure.Message);
        Sys.Stop(spinner);
    }

    [Fact]
    public async Task Seeded_actors_run_only_when_the_test_drives_them()
    {
        UseSeed(3);
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hi", TestActor);
        ExpectNoMsg(TimeSpan.Zero);
        await WaitForIdleAsync();
        ExpectMsg("hi", TimeSpan.Zero);
    }

    [Fact]
    public async Task Seeded_idle_comes_after_every_message_of_a_relay_chain_was_handled()
    {
        UseSeed(17);
        var count = new StrongBox<int>();
        IActorRef next = Sys.ActorOf(Props.Create(() => new Counter(count)), "sink");
        for (var i = 0; i < 5; i++)
        {
            var target = next;
            next = Sys.ActorOf(Props.Create(() => new Relay(target)), "relay" + i);
        }
        for (var m = 0; m < 20; m++) next.Tell(m, ActorRefs.NoSender);
        await WaitForIdleAsync();
        Assert.Equal(20, count.Value);
        Assert.Empty(SeedingViolations);
    }

    [Fact]
    public async Task After_idle_Akka_s_expectations_need_no_wait_so_a_failure_is_no_race()
    {
        // Replaces the flaky FishForMessage_lists_what_it_skipped: everything has arrived before
        // the expectation looks, so it passes or fails the same way under any load.
        UseSeed(9);
        var relay = Sys.ActorOf(Props.Create(() => new Relay(TestActor)), "relay");
        relay.Tell("old boot", ActorRefs.NoSender);
        relay.Tell("fish", ActorRefs.NoSender);
        await WaitForIdleAsync();
        Assert.Equal("fish", FishForMessage<string>(s => s == "fish"));
        relay.Tell("old tyre", ActorRefs.NoSender);
        await WaitForIdleAsync();
        // Nothing more can come (seeded actors run only when driven), so the short budget decides nothing.
        var failure = Assert.ThrowsAny<Exception>(() => FishForMessage<string>(s => s == "fish", TimeSpan.FromMilliseconds(100)));
        Assert.Contains("fishForMessage", failure.Message);
    }
}
