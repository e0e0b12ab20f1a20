using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.HostApi;

/// <summary>
/// PtyHandle.HungUp: a Task that completes when the other side has gone (L13, L15, PD13) and is
/// cancelled when its own handle closes first or the system is disposed. The watch waits in the
/// stream head, so a settled deterministic run shows it done, or still pending, at once.
/// </summary>
public class HangUpTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public void L14_and_L15_closing_the_manager_completes_the_subsidiarys_HungUp()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var hungUp = Watch(pty, s);
        Assert.False(hungUp.IsCompleted, pty.At("HungUp completed while the manager is open"));
        pty.Close(m);
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(hungUp));
        Assert.Equal(PollEvents.POLLHUP, pty.Poll(s));
        pty.CloseAllAndCheckClean(s);
    }

    [Fact]
    public void PD13_a_manager_crash_completes_HungUp_on_both_sides()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var subsidiary = pty.Posix.HandleOf(s).HungUp;
        var manager = Watch(pty, m);
        pty.Ok(pty.Posix.CrashAsync(m));
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(subsidiary)); // the peer hangs up as after a close (L15)
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(manager)); // its own side is gone too
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void L12_and_L13_the_managers_HungUp_completes_at_the_subsidiarys_end_of_file_and_its_data_is_still_read_first()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(managerFlags: OpenFlags.NonBlock);
        var hungUp = pty.Posix.HandleOf(m).HungUp;
        pty.Write(s, "bye");
        Assert.False(hungUp.IsCompleted, pty.At("data is not an end of file"));
        pty.Close(s);
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(hungUp));
        Assert.Equal("bye", pty.ReadText(m));
        Assert.Empty(pty.Read(m)); // then the 0 of L13
        Assert.Null(pty.ReadNow(m)); // once: the manager stream itself is not hung up
        pty.CloseAllAndCheckClean(m);
    }

    [Fact]
    public void PD13_a_subsidiary_crash_completes_the_managers_HungUp()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var hungUp = Watch(pty, m);
        pty.Ok(pty.Posix.CrashAsync(s));
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(hungUp));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void PD8_a_zero_length_write_reads_as_0_but_is_not_the_subsidiarys_end()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var hungUp = pty.Posix.HandleOf(m).HungUp;
        pty.Write(s, "");
        Assert.Empty(pty.Read(m));
        Assert.False(hungUp.IsCompleted, pty.At("a zero-length write ended the manager's HungUp"));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void L11_a_look_after_the_end_completes_at_once_and_a_new_subsidiary_is_a_new_wait()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(s);
        var late = Watch(pty, m);
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(late));

        var (m2, s2) = pty.OpenPair();
        pty.Close(s2);
        var reopened = pty.OpenSubsidiary(pty.PathOf(m2)); // L11: a new stream on the same pty
        var hungUp = Watch(pty, m2);
        Assert.False(hungUp.IsCompleted, pty.At("the earlier subsidiary's end of file ended the wait for the new one"));
        pty.Close(reopened);
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(hungUp));
        pty.CloseAllAndCheckClean(m, m2);
    }

    [Fact]
    public void Closing_the_watched_handle_cancels_its_HungUp_and_a_closed_handle_has_a_cancelled_one()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var handle = pty.Posix.HandleOf(m);
        var hungUp = handle.HungUp;
        pty.Settle();
        pty.Close(m);
        Assert.Equal(TaskStatus.Canceled, Outcome(hungUp));
        Assert.Same(hungUp, handle.HungUp); // one per handle

        var subsidiary = pty.Posix.HandleOf(s);
        pty.Close(s);
        Assert.Equal(TaskStatus.Canceled, Outcome(subsidiary.HungUp));
        pty.CloseAllAndCheckClean();
    }

    [Fact]
    public void L9_each_handle_on_one_subsidiary_has_its_own_HungUp_and_closing_one_cancels_only_its_own()
    {
        using var pty = new DeterministicPty();
        var (m, first) = pty.OpenPair();
        var second = pty.OpenSubsidiary(pty.PathOf(m));
        var firstHungUp = pty.Posix.HandleOf(first).HungUp;
        var secondHungUp = Watch(pty, second);
        pty.Close(first); // not the last close: the stream stays (L9)
        Assert.Equal(TaskStatus.Canceled, Outcome(firstHungUp));
        Assert.False(secondHungUp.IsCompleted, pty.At("another handle's close ended this one's HungUp"));
        pty.Close(m);
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(secondHungUp));
        pty.CloseAllAndCheckClean(second);
    }

    [Fact]
    public void Disposing_the_system_cancels_every_HungUp_even_the_hang_ups_its_own_closes_cause()
    {
        var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var manager = pty.Posix.HandleOf(m);
        var subsidiary = pty.Posix.HandleOf(s);
        var unwatched = pty.Posix.HandleOf(pty.OpenManager());
        var watches = new[] { manager.HungUp, subsidiary.HungUp };
        pty.Settle();
        pty.Dispose();
        Assert.All(watches, watch => Assert.Equal(TaskStatus.Canceled, Outcome(watch)));
        Assert.Equal(TaskStatus.Canceled, Outcome(unwatched.HungUp)); // a first look after the disposal
    }

    [Fact]
    public void M4_5_a_terminal_subsidiary_hangs_up_and_records_sighup()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        pty.Ok(pty.Posix.PushAsync(s, "ldterm"));
        var hungUp = Watch(pty, s);
        Assert.False(hungUp.IsCompleted, pty.At("HungUp completed while the manager is open"));
        pty.Close(m); // the M_HANGUP goes up through ptem and ldterm to the stream head
        Assert.Equal(TaskStatus.RanToCompletion, Outcome(hungUp));
        var (result, signals) = pty.Settled(pty.Posix.TakeSignalsAsync(s), "take signals");
        Assert.True(result.IsOk);
        Assert.Contains(Signal.SIGHUP, signals);
        pty.CloseAllAndCheckClean(s);
    }

    [Fact]
    public async Task On_the_real_dispatcher_HungUp_can_be_awaited_across_the_managers_close()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        var watching = WatchAsync(terminal.Subsidiary);
        await system.WhenIdleAsync().WaitAsync(Safety);
        Assert.False(watching.IsCompleted);
        await terminal.Manager.DisposeAsync();
        Assert.Equal(0, await watching.WaitAsync(Safety)); // L15: after the hang-up, reads return 0

        static async Task<int> WatchAsync(SubsidiaryHandle subsidiary)
        {
            await subsidiary.HungUp.WaitAsync(Safety);
            return await subsidiary.ReadAsync(new byte[8]);
        }
    }

    /// <summary>The HungUp of <paramref name="fd"/>'s handle, its watch parked in the stream head by a settle.</summary>
    private static Task Watch(DeterministicPty pty, int fd)
    {
        var hungUp = pty.Posix.HandleOf(fd).HungUp;
        pty.Settle();
        return hungUp;
    }

    /// <summary>Waits, bounded, until <paramref name="task"/> has ended (its continuations may run on the pool after a settle), and gives its status.</summary>
    private static TaskStatus Outcome(Task task)
    {
        Assert.True(task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Wait(Safety),
            "HungUp never ended although the system is idle");
        return task.Status;
    }
}
