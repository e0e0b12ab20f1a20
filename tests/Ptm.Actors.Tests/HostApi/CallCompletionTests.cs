using Akka.Actor.Internal;
using Ptm.Actors.Runtime;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.HostApi;

/// <summary>
/// How calls complete (CallCompletion): on ptm.dispatcher, after the actor's turn, on the
/// thread that ran it (the chaining executor's WorkerChain); on a seeded dispatcher, with
/// continuations queued away from the driving thread. Whatever that saves, a call's Task is
/// still complete before the system is idle, and a caller that blocks where it was resumed
/// still gets its answer (HandOffWatchdog).
/// </summary>
public class CallCompletionTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task A_finished_call_resumes_its_caller_on_the_actors_thread_once_the_turn_is_over()
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var (manager, subsidiary) = await OpenPairAsync(posix);
        var read = posix.ReadAsync(subsidiary, new byte[8]); // waits for data: nothing completes it yet
        await system.WhenIdleAsync().WaitAsync(Safety);
        Assert.False(read.IsCompleted);
        var resumed = read.ContinueWith(
            _ => (InChain: WorkerChain.Current is not null, InTurn: InternalCurrentActorCellKeeper.Current is not null),
            TaskContinuationOptions.ExecuteSynchronously);
        (await posix.WriteAsync(manager, "x"u8.ToArray())).ValueOrThrow("write");
        var (inChain, inTurn) = await resumed.WaitAsync(Safety);
        Assert.True(inChain, "the reader was resumed on another thread than the one that ran the subsidiary's turn");
        Assert.False(inTurn, "the reader was resumed inside an actor's turn");
    }

    [Fact]
    public void On_a_seeded_dispatcher_a_finished_call_resumes_its_caller_off_the_driving_thread()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair();
        var read = pty.Posix.ReadAsync(subsidiary, new byte[8]);
        var resumedOn = read.ContinueWith(_ => Environment.CurrentManagedThreadId, TaskContinuationOptions.ExecuteSynchronously);
        pty.Write(manager, "x");
        Assert.True(read.IsCompleted);
        Assert.True(resumedOn.Wait(Safety), "the reader was never resumed");
        Assert.NotEqual(Environment.CurrentManagedThreadId, resumedOn.Result); // never inside the seeded order's turns
    }

    [Fact]
    public async Task Every_call_that_can_complete_has_completed_when_the_system_is_idle()
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var (manager, subsidiary) = await OpenPairAsync(posix);
        var read = posix.ReadAsync(subsidiary, new byte[8]);
        var write = posix.WriteAsync(manager, "hello"u8.ToArray());
        var poll = posix.PollAsync(manager);
        await system.WhenIdleAsync().WaitAsync(Safety);
        Assert.True(read.IsCompleted && write.IsCompleted && poll.IsCompleted);
        Assert.Equal(5, read.Result.Value);
    }

    [Fact]
    public async Task A_caller_that_blocks_on_a_call_where_it_was_resumed_still_gets_its_answer()
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var (manager, subsidiary) = await OpenPairAsync(posix);
        (await posix.WriteAsync(manager, "x"u8.ToArray())).ValueOrThrow("write"); // waits in the subsidiary's read queue
        var blockedRead = ResumedAfterTheManagersTurn(system, () =>
        {
            // The read's Tell is handed off to this very thread, which then blocks on it (sync over async, as some hosts do).
#pragma warning disable xUnit1031 // blocking on purpose: this is the case under test
            return posix.ReadAsync(subsidiary, new byte[4]).Wait(Safety);
#pragma warning restore xUnit1031
        });
        Assert.True(await blockedRead.WaitAsync(Safety * 2), "the read never completed while its caller blocked");
    }

    [Fact]
    public async Task A_host_that_disposes_synchronously_where_a_call_resumed_it_does_not_hang()
    {
        var system = PtySystem.Create();
        // Still counted busy where it was resumed: only the watchdog lets the disposal's wait for idle end.
#pragma warning disable xUnit1031 // blocking on purpose: sync-over-async disposal, as some hosts do
        var disposed = ResumedAfterTheManagersTurn(system, () => system.DisposeAsync().AsTask().Wait(Safety));
#pragma warning restore xUnit1031
        Assert.True(await disposed.WaitAsync(Safety * 2) && system.IsDisposed);
    }

    /// <summary>
    /// Runs <paramref name="callerCode"/> as the continuation of a manager read that the
    /// subsidiary's data completes, so it runs where the call resumes its caller: on the thread
    /// that ran the manager's turn, after it (checked, else the test would test nothing).
    /// </summary>
    private static async Task<bool> ResumedAfterTheManagersTurn(PtySystem system, Func<bool> callerCode)
    {
        var posix = system.Posix;
        var (manager, subsidiary) = await OpenPairAsync(posix);
        var read = posix.ReadAsync(manager, new byte[4]); // nothing to read yet: the subsidiary's write completes it
        await system.WhenIdleAsync().WaitAsync(Safety);
        Assert.False(read.IsCompleted);
        var resumed = read.ContinueWith(_ => WorkerChain.Current is null ? (bool?)null : callerCode(), TaskContinuationOptions.ExecuteSynchronously);
        (await posix.WriteAsync(subsidiary, "y"u8.ToArray())).ValueOrThrow("write");
        var outcome = await resumed.WaitAsync(Safety * 2);
        Assert.True(outcome is not null, "the caller was not resumed on the thread that ran the manager's turn");
        return outcome.Value;
    }

    [Fact]
    public async Task A_failed_open_has_forgotten_its_descriptor_when_the_caller_sees_the_failure()
    {
        await using var system = PtySystem.Create(new PtySystemOptions { MaxPtys = 1 });
        var posix = system.Posix;
        var manager = (int)(await posix.OpenManagerAsync(OpenFlags.NoCtty)).ValueOrThrow("posix_openpt");
        var held = posix.HeldDescriptors;
        var locked = await posix.OpenAsync((await posix.GetSubsidiaryNameAsync(manager)).Text!); // L6: still locked
        Assert.Equal(held, posix.HeldDescriptors);
        var full = await posix.OpenManagerAsync(OpenFlags.NoCtty); // PD2: no pty left
        Assert.Equal(held, posix.HeldDescriptors);
        Assert.Equal((Errno.EAGAIN, Errno.ENOMEM), (locked.Errno, full.Errno));
    }

    private static async Task<(int Manager, int Subsidiary)> OpenPairAsync(PosixApi posix)
    {
        var manager = (int)(await posix.OpenManagerAsync(OpenFlags.NoCtty)).ValueOrThrow("posix_openpt");
        (await posix.GrantAsync(manager)).ValueOrThrow("grantpt");
        (await posix.UnlockAsync(manager)).ValueOrThrow("unlockpt");
        var name = (await posix.GetSubsidiaryNameAsync(manager)).Text!;
        return (manager, (int)(await posix.OpenAsync(name, OpenFlags.NoCtty)).ValueOrThrow("open"));
    }
}
