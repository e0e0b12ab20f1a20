using Ptm.Actors.Kernel.Dispatch;
using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

/// <summary>
/// ActorSystem.RunAfterTurn and the worker chain: a completion posted in a turn resumes its
/// caller on the same thread once the mailbox is released, before the system can be idle, and
/// nothing handed off to a thread ever waits on code that blocks there.
/// </summary>
public class AfterTurnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_completion_posted_in_a_turn_runs_on_that_thread_once_the_mailbox_is_released()
    {
        await using var system = ActorSystem.Create("after-turn");
        var log = new ThreadLog();
        var actor = system.ActorOf(Props.Create(() => new PostsCompletions(system, log)), "poster");
        actor.Tell(new Post(() =>
        {
            log.Add("caller");
            actor.Tell(new Note("told by the caller")); // the mailbox is free again: this is a new run
        }));
        await system.WhenIdleAsync();
        var entries = log.Entries;
        Assert.Equal(new[] { "turn", "caller", "told by the caller" }, entries.Select(e => e.What));
        Assert.Single(entries.Select(e => e.Thread).Distinct()); // no hop to another thread anywhere
    }

    [Fact]
    public async Task The_system_is_still_busy_when_a_deferred_completion_runs()
    {
        await using var system = ActorSystem.Create("after-turn");
        var idleWhenRun = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new PostsCompletions(system, new ThreadLog())), "poster");
        await system.WhenIdleAsync();
        actor.Tell(new Post(() => idleWhenRun.SetResult(system.Idle.IsIdle)));
        Assert.False(await idleWhenRun.Task.WaitAsync(Patience), "the run left the busy count before the caller it completed had run");
        await system.WhenIdleAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task A_caller_that_blocks_on_an_actor_it_told_is_rescued_by_the_watchdog()
    {
        await using var system = ActorSystem.Create("after-turn");
        var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var poster = system.ActorOf(Props.Create(() => new PostsCompletions(system, new ThreadLog())), "poster");
        var replier = system.ActorOf(Props.Create(() => new CompletesOnNote(replied)), "replier");
        poster.Tell(new Post(() =>
        {
            replier.Tell(new Note("ping")); // handed off to this very thread...
            answered.SetResult(replied.Task.Wait(Patience)); // ...which now blocks until the replier has run
        }));
        Assert.True(await answered.Task.WaitAsync(Patience * 2), "the handed-off mailbox waited on the blocked thread");
    }

    [Fact]
    public async Task A_caller_that_blocks_until_the_system_is_idle_is_let_go_by_the_watchdog()
    {
        await using var system = ActorSystem.Create("after-turn");
        var sawIdle = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new PostsCompletions(system, new ThreadLog())), "poster");
#pragma warning disable xUnit1031 // blocking on purpose: a host disposing synchronously where it was resumed
        actor.Tell(new Post(() => sawIdle.SetResult(system.WhenIdleAsync().Wait(Patience))));
#pragma warning restore xUnit1031
        Assert.True(await sawIdle.Task.WaitAsync(Patience * 2), "the run that resumed the caller kept the system busy while the caller waited for idle");
    }

    [Fact]
    public async Task A_second_completion_in_one_run_does_not_wait_for_the_first_caller()
    {
        await using var system = ActorSystem.Create("after-turn");
        var firstRan = new ManualResetEventSlim();
        var secondSawFirst = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new PostsCompletions(system, new ThreadLog())), "poster");
        actor.Tell(new Post(
            () => secondSawFirst.SetResult(firstRan.Wait(Patience)), // runs after the turn, on this thread
            () => firstRan.Set()));                                   // posted first: queued, runs elsewhere
        Assert.True(await secondSawFirst.Task.WaitAsync(Patience * 2));
        await system.WhenIdleAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task Outside_a_turn_a_completion_is_queued_and_keeps_the_system_busy()
    {
        await using var system = ActorSystem.Create("after-turn");
        using var release = new ManualResetEventSlim();
        var ran = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var caller = Environment.CurrentManagedThreadId;
        system.RunAfterTurn(new Work(() =>
        {
            release.Wait(Patience);
            ran.SetResult(Environment.CurrentManagedThreadId);
        }));
        var idle = system.WhenIdleAsync();
        Assert.False(idle.IsCompleted);
        release.Set();
        await idle.WaitAsync(Patience);
        Assert.NotEqual(caller, await ran.Task);
    }

    [Fact]
    public async Task On_a_deterministic_system_a_completion_never_runs_inside_the_turn()
    {
        await using var system = ActorSystem.Create("after-turn", new ActorSystemOptions { DeterministicSeed = 7 });
        var log = new ThreadLog();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new PostsCompletions(system, log)), "poster");
        actor.Tell(new Post(() =>
        {
            log.Add("caller");
            ran.SetResult();
        }));
        system.RunUntilIdle();
        await ran.Task.WaitAsync(Patience);
        var entries = log.Entries;
        Assert.Equal(new[] { "turn", "caller" }, entries.Select(e => e.What));
        Assert.NotEqual(entries[0].Thread, entries[1].Thread); // the seeded dispatcher alone runs turns on its thread
    }

    [Fact]
    public async Task A_caller_completed_by_a_runs_earlier_message_resumes_after_the_run_on_its_thread()
    {
        await using var system = ActorSystem.Create("after-turn");
        var log = new ThreadLog();
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new PostsCompletions(system, log)), "poster");
        await system.WhenIdleAsync();
        using (new FaultInjector(system).Hold(actor)) // both messages go into one run
        {
            actor.Tell(new Post(() =>
            {
                log.Add("caller");
                resumed.SetResult();
            }));
            actor.Tell(new SlowNote("second message")); // long enough for another thread to run a queued caller first
        }
        await resumed.Task.WaitAsync(Patience);
        var entries = log.Entries;
        Assert.Equal(new[] { "turn", "second message", "caller" }, entries.Select(e => e.What));
        Assert.Single(entries.Select(e => e.Thread).Distinct()); // not queued to another thread
    }

    [Fact]
    public async Task A_mailbox_woken_by_a_runs_earlier_message_does_not_wait_for_the_rest_of_the_run()
    {
        await using var system = ActorSystem.Create("after-turn");
        var pinged = new ManualResetEventSlim();
        var waited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pingee = system.ActorOf(Props.Create(() => new SetsOnNote(pinged)), "pingee");
        var runner = system.ActorOf(Props.Create(() => new WakesThenWaits(pingee, pinged, waited)), "runner");
        await system.WhenIdleAsync();
        using (new FaultInjector(system).Hold(runner)) // both messages go into one run
        {
            runner.Tell("wake");
            runner.Tell("wait");
        }
        Assert.True(await waited.Task.WaitAsync(Patience * 2), "the woken mailbox was held behind the run that woke it");
    }

    private sealed record Post(params Action[] Completions);

    private sealed record Note(string Text);

    /// <summary>A message whose handling takes 50 ms of work (not a wait: nothing is waited for).</summary>
    private sealed record SlowNote(string Text);

    private sealed class Work(Action action) : IThreadPoolWorkItem
    {
        public void Execute() => action();
    }

    private sealed class ThreadLog
    {
        private readonly List<(string What, int Thread)> _entries = new();

        public IReadOnlyList<(string What, int Thread)> Entries
        {
            get { lock (_entries) return _entries.ToArray(); }
        }

        public void Add(string what)
        {
            lock (_entries) _entries.Add((what, Environment.CurrentManagedThreadId));
        }
    }

    /// <summary>Posts each completion of a Post with RunAfterTurn, in reverse order (the last posted runs after the turn).</summary>
    private sealed class PostsCompletions(ActorSystem system, ThreadLog log) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Post post:
                    log.Add("turn");
                    for (var i = post.Completions.Length - 1; i >= 0; i--) system.RunAfterTurn(new Work(post.Completions[i]));
                    break;
                case Note note:
                    log.Add(note.Text);
                    break;
                case SlowNote slow:
                    var busy = System.Diagnostics.Stopwatch.StartNew();
                    while (busy.ElapsedMilliseconds < 50) Thread.SpinWait(100);
                    log.Add(slow.Text);
                    break;
            }
        }
    }

    private sealed class CompletesOnNote(TaskCompletionSource done) : UntypedActor
    {
        protected override void OnReceive(object message) => done.TrySetResult();
    }

    private sealed class SetsOnNote(ManualResetEventSlim done) : UntypedActor
    {
        protected override void OnReceive(object message) => done.Set();
    }

    /// <summary>"wake" tells the pingee; "wait" blocks (a defect in real actors, a probe here) until the pingee has run.</summary>
    private sealed class WakesThenWaits(IActorRef pingee, ManualResetEventSlim pinged, TaskCompletionSource<bool> waited) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if ((string)message == "wake") pingee.Tell(new Note("ping"));
            else waited.TrySetResult(pinged.Wait(Patience));
        }
    }
}
