using System.Runtime.CompilerServices;
using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Deterministic;

namespace Ptm.Actors.TestKit.Tests;

public class DeterministicTests : TestKit
{
    [Fact, DeterministicSeed(42)]
    public async Task The_seed_attribute_puts_the_test_s_actors_on_the_seeded_dispatcher()
    {
        Assert.Equal(42, Seed);
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hi", TestActor);
        await WaitForIdleAsync();
        ExpectMsg("hi");
        Assert.Contains("echo:String", Trace);
    }

    [Theory, Seeds(1, 10)]
    public async Task Rerunning_a_seed_replays_the_same_interleaving_of_the_test_s_actors(int seed)
    {
        UseSeed(seed);
        var first = await RunRelaysAsync(this);
        using var replay = new ScratchKit();
        replay.UseSeed(seed);
        Assert.Equal(first, await RunRelaysAsync(replay));
    }

    [Theory, Seeds(1, 5)]
    public async Task Rerunning_a_seed_replays_the_same_pty_trace(int seed)
    {
        var first = await PtyTraceAsync(seed);
        var replay = await PtyTraceAsync(seed);
        Assert.True(first.SequenceEqual(replay), $"seed {seed} replayed differently:\n{string.Join(" ", first)}\n{string.Join(" ", replay)}");
    }

    [Fact]
    public async Task Different_seeds_give_different_pty_interleavings()
    {
        var traces = new HashSet<string>();
        for (var seed = 1; seed <= 10; seed++) traces.Add(string.Join("|", await PtyTraceAsync(seed)));
        Assert.True(traces.Count > 5, $"10 seeds gave only {traces.Count} distinct interleavings");
    }

    [Fact]
    public async Task A_mailbox_run_queued_from_another_thread_during_a_drive_fails_the_test()
    {
        var kit = new ScratchKit();
        kit.UseSeed(5);
        var count = new StrongBox<int>();
        var target = kit.Sys.ActorOf(Props.Create(() => new Counter(count)), "target");
        var teller = kit.Sys.ActorOf(Props.Create(() => new CrossThreadTeller(target)), "teller");
        await kit.WaitForIdleAsync();
        teller.Tell("go", ActorRefs.NoSender);
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => kit.WaitForIdleAsync());
        Assert.Contains("target: a mailbox run was queued from thread", failure.Message);
        Assert.Contains("[deterministic seed 5", failure.Message);
        Assert.Single(kit.SeedingViolations);
        Assert.Equal(1, count.Value); // recorded, not lost: the actor still ran
        var teardown = Assert.Throws<TestKitFailure>(kit.Dispose);
        Assert.Contains("1 mailbox run(s) reached the seeded queue from another thread", teardown.Message);
    }

    [Fact]
    public async Task A_seeded_pty_system_records_no_violation_over_a_whole_session()
    {
        await using var ptys = DeterministicPtys.Create(seed: 21);
        await RunPtySessionAsync(ptys);
        Assert.Empty(ptys.SeedingViolations());
    }

    [Fact]
    public async Task Nothing_of_Akka_s_own_reaches_a_seeded_pty_system_s_queue()
    {
        // Akka.NET's event-stream unsubscriber watches every subscriber from its own thread. The
        // Clone's dead-letter subscription must not make the Clone one of them, or that Watch
        // would reach the seeded queue whenever it happened to come.
        await using var ptys = DeterministicPtys.Create(seed: 5);
        SubscriberWatches.AwaitSent(ptys.ActorSystem, TimeSpan.FromSeconds(30));
        Assert.Equal(0, DeterministicPtys.DriverOf(ptys).QueuedRuns);
        Assert.Empty(ptys.SeedingViolations());
    }

    private static async Task<IReadOnlyList<string>> RunRelaysAsync(TestKit kit)
    {
        var sink = kit.CreateTestProbe("sink");
        for (var i = 0; i < 4; i++)
        {
            var relay = kit.Sys.ActorOf(Props.Create(() => new Relay(sink.Ref)), "relay" + i);
            for (var m = 0; m < 3; m++) relay.Tell($"{i}.{m}", ActorRefs.NoSender);
        }
        await kit.WaitForIdleAsync();
        sink.ReceiveN(12);
        return kit.Trace;
    }

    private static async Task<IReadOnlyList<string>> PtyTraceAsync(int seed)
    {
        await using var ptys = DeterministicPtys.Create(seed);
        await RunPtySessionAsync(ptys);
        return ptys.Trace();
    }

    /// <summary>Two ptys at once: open, unlock, open the subsidiaries, write both ways, close.</summary>
    private static async Task RunPtySessionAsync(PtySystem ptys)
    {
        var posix = ptys.Posix;
        var fds = Settle(ptys, [posix.OpenManagerAsync(OpenFlags.None), posix.OpenManagerAsync(OpenFlags.None)], "posix_openpt").Select(r => (int)r.Value).ToArray();
        Settle(ptys, fds.SelectMany(fd => new[] { posix.GrantAsync(fd), posix.UnlockAsync(fd) }).ToArray(), "grantpt/unlockpt");
        var names = Settle(ptys, fds.Select(fd => posix.GetSubsidiaryNameAsync(fd)).ToArray(), "ptsname").Select(r => r.Text!).ToArray();
        var subsidiaries = Settle(ptys, names.Select(n => posix.OpenAsync(n, OpenFlags.None)).ToArray(), "open").Select(r => (int)r.Value).ToArray();
        var writes = fds.Concat(subsidiaries).Select(fd => posix.WriteAsync(fd, "hello\n"u8.ToArray())).ToArray();
        Settle(ptys, writes, "write");
        Settle(ptys, fds.Concat(subsidiaries).Select(fd => posix.CloseAsync(fd)).ToArray(), "close");
        await Task.CompletedTask;
    }

    /// <summary>Drives the system to idle; every call must have been answered, successfully.</summary>
    private static SysResult[] Settle(PtySystem ptys, Task<SysResult>[] calls, string what)
    {
        ptys.RunUntilIdle();
        foreach (var call in calls)
        {
            Assert.True(call.IsCompleted, $"seed {DeterministicPtys.SeedOf(ptys)}: a {what} was not answered although the system is idle");
            Assert.True(call.Result.IsOk, $"seed {DeterministicPtys.SeedOf(ptys)}: a {what} failed with {call.Result.Errno}");
        }
        return calls.Select(c => c.Result).ToArray();
    }
}
