using Akka.Actor;
using Akka.Actor.Internal;
using Ptm.Actors.Runtime;

namespace Ptm.Actors.Tests.Runtime;

/// <summary>
/// The chaining executor's completion after the turn (ChainingDriver.Complete, WorkerChain): a
/// caller completed in a turn resumes on that thread once Akka's mailbox run is over, before the
/// dispatcher can be idle; and nothing handed off to a thread ever waits for ever on caller code
/// that blocks there (HandOffWatchdog).
/// </summary>
public class AfterTurnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task A_caller_completed_in_a_turn_resumes_on_that_thread_once_the_mailbox_run_is_over()
    {
        await using var system = new ChainingSystem();
        var log = new ThreadLog();
        var inTurn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(() => new PostsCallers(system, log), "poster");
        actor.Tell(new Post(() =>
        {
            log.Add("caller");
            inTurn.SetResult(InternalCurrentActorCellKeeper.Current is not null || WorkerChain.Current is null);
            actor.Tell(new Note("told by the caller")); // the mailbox is free again: this is a new run
        }));
        Assert.False(await inTurn.Task.WaitAsync(Patience), "the caller ran inside an actor's turn, or outside the chain that ran the turn");
        await system.WhenIdleAsync().WaitAsync(Patience);
        var entries = log.Entries;
        Assert.Equal(new[] { "turn", "caller", "told by the caller" }, entries.Select(e => e.What));
        Assert.Single(entries.Select(e => e.Thread).Distinct()); // no hop to another thread anywhere
    }

    [Fact]
    public async Task The_dispatcher_is_still_busy_when_a_caller_resumed_after_the_turn_runs()
    {
        await using var system = new ChainingSystem();
        var idleWhenRun = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(() => new PostsCallers(system, new ThreadLog()), "poster");
        await system.WhenIdleAsync().WaitAsync(Patience);
        actor.Tell(new Post(() => idleWhenRun.SetResult(system.Driver.Idle.IsIdle)));
        Assert.False(await idleWhenRun.Task.WaitAsync(Patience), "the run left the busy count before the caller it completed had run");
        await system.WhenIdleAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task A_caller_that_blocks_on_an_actor_it_told_is_rescued_by_the_watchdog()
    {
        await using var system = new ChainingSystem();
        var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var poster = system.ActorOf(() => new PostsCallers(system, new ThreadLog()), "poster");
        var replier = system.ActorOf(() => new CompletesOnNote(replied), "replier");
        await system.WhenIdleAsync().WaitAsync(Patience);
        poster.Tell(new Post(() =>
        {
            replier.Tell(new Note("ping")); // handed off to this very thread...
#pragma warning disable xUnit1031 // blocking on purpose: the case under test
            answered.SetResult(replied.Task.Wait(Patience)); // ...which now blocks until the replier has run
#pragma warning restore xUnit1031
        }));
        Assert.True(await answered.Task.WaitAsync(Patience * 2), "the handed-off mailbox waited on the blocked thread");
    }

    [Fact]
    public async Task A_caller_that_blocks_until_the_dispatcher_is_idle_is_let_go_by_the_watchdog()
    {
        await using var system = new ChainingSystem();
        var sawIdle = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(() => new PostsCallers(system, new ThreadLog()), "poster");
#pragma warning disable xUnit1031 // blocking on purpose: a host disposing synchronously where it was resumed
        actor.Tell(new Post(() => sawIdle.SetResult(system.WhenIdleAsync().Wait(Patience))));
#pragma warning restore xUnit1031
        Assert.True(await sawIdle.Task.WaitAsync(Patience * 2), "the run that resumed the caller kept the dispatcher busy while the caller waited for idle");
    }

    [Fact]
    public async Task A_second_caller_completed_in_one_run_does_not_wait_for_the_first()
    {
        await using var system = new ChainingSystem();
        var firstRan = new ManualResetEventSlim();
        var secondSawFirst = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(() => new PostsCallers(system, new ThreadLog()), "poster");
        actor.Tell(new Post(
            () => secondSawFirst.SetResult(firstRan.Wait(Patience)), // completed last: runs after the turn, on this thread
            () => firstRan.Set()));                                   // completed first: queued, runs elsewhere
        Assert.True(await secondSawFirst.Task.WaitAsync(Patience * 2));
        await system.WhenIdleAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task Outside_a_turn_a_completed_caller_is_queued_and_keeps_the_dispatcher_busy()
    {
        await using var system = new ChainingSystem();
        await system.WhenIdleAsync().WaitAsync(Patience);
        using var release = new ManualResetEventSlim();
        var queued = 0;
        var ranInline = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.RunAfterTurn(() =>
        {
            ranInline.SetResult(Volatile.Read(ref queued) == 0);
            release.Wait(Patience);
        });
        Volatile.Write(ref queued, 1);
        var idle = system.WhenIdleAsync();
        Assert.False(idle.IsCompleted);
        release.Set();
        await idle.WaitAsync(Patience);
        Assert.False(await ranInline.Task, "the caller ran on the completing thread, before the completion returned");
    }

    [Fact]
    public async Task A_caller_completed_by_a_runs_earlier_message_resumes_after_the_whole_run_on_its_thread()
    {
        await using var system = new ChainingSystem();
        var log = new ThreadLog();
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(() => new PostsCallers(system, log), "poster");
        var teller = system.ActorOf(() => new PostsCallers(system, new ThreadLog()), "teller");
        await system.WhenIdleAsync().WaitAsync(Patience);
        // Told in one turn, both messages wait in the poster's mailbox before it runs: one run takes both.
        teller.Tell(new TellAll(actor,
            new Post(() =>
            {
                log.Add("caller");
                resumed.SetResult();
            }),
            new SlowNote("second message"))); // long enough for another thread to run a queued caller first
        await resumed.Task.WaitAsync(Patience);
        var entries = log.Entries;
        Assert.Equal(new[] { "turn", "second message", "caller" }, entries.Select(e => e.What));
        Assert.Single(entries.Select(e => e.Thread).Distinct()); // not queued to another thread
    }

    [Fact]
    public async Task A_mailbox_woken_by_a_runs_earlier_message_does_not_wait_for_the_rest_of_the_run()
    {
        await using var system = new ChainingSystem();
        var pinged = new ManualResetEventSlim();
        var waited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pingee = system.ActorOf(() => new SetsOnNote(pinged), "pingee");
        var runner = system.ActorOf(() => new WakesThenWaits(pingee, pinged, waited, Patience), "runner");
        var teller = system.ActorOf(() => new PostsCallers(system, new ThreadLog()), "teller");
        await system.WhenIdleAsync().WaitAsync(Patience);
        teller.Tell(new TellAll(runner, "wake", "wait")); // both messages go into one run
        Assert.True(await waited.Task.WaitAsync(Patience * 2), "the woken mailbox was held behind the run that woke it");
    }
}
