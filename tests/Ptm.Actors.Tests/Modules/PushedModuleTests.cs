using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules;

/// <summary>The real modules pushed on a real pair: what a program and its host see end to end (M2, M3, M4.4, M4.5).</summary>
public class PushedModuleTests
{
    [Fact]
    public void Ptem_makes_the_subsidiary_a_terminal_and_the_manager_is_still_not_one()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        Assert.Equal(0, pty.Ok(pty.Posix.IsTerminalAsync(s))); // L20
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        Assert.Equal(1, pty.Ok(pty.Posix.IsTerminalAsync(s))); // M4.4
        Assert.Equal(0, pty.Ok(pty.Posix.IsTerminalAsync(m))); // L19: forwarded, ptem passes it up, the subsidiary head NAKs it
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_window_size_set_on_the_manager_is_read_on_the_subsidiary_with_a_SIGWINCH()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(24, 80)));
        var (result, size) = pty.Settled(pty.Posix.GetWindowSizeAsync(s));
        Assert.True(result.IsOk);
        Assert.Equal(new WindowSize(24, 80), size);
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals);
        Assert.Empty(pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals); // taken once
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_manager_close_with_ptem_pushed_records_SIGHUP_on_the_subsidiary()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        pty.Write(m, "left");
        pty.Close(m);
        Assert.Equal("left", pty.ReadText(s));
        Assert.Empty(pty.Read(s)); // L15
        Assert.Equal(new[] { Signal.SIGHUP }, pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals); // M4.5: strhup on a terminal
        pty.CloseAllAndCheckClean(s);
    }

    [Fact]
    public void Pckt_on_the_manager_wraps_data_for_getmsg_and_a_read_fails_ebadmsg()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(m, "pckt"));
        pty.Write(s, "hi");
        pty.Fails(Errno.EBADMSG, pty.Posix.ReadAsync(m, new byte[16])); // H7, M2
        var message = pty.Settled(pty.Posix.GetMessageAsync(m, 16, 16));
        Assert.Equal(new byte[] { 0x00 }, message.Control!.Value.ToArray()); // M_DATA
        Assert.Equal("hi", Bytes.Text(message.Data!.Value.ToArray()));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Autopush_pushes_the_configured_modules_at_a_subsidiary_first_open_only()
    {
        using var pty = new DeterministicPty(options: new PtySystemOptions { Autopush = new[] { "ptem", "ldterm" } });
        var (m, s) = pty.OpenPair();
        Assert.Equal("ldterm ptem pts", pty.Settle(pty.Posix.ListAsync(s)).Text); // M4.6: pushed in order, so the last is on top
        Assert.Equal(1, pty.Ok(pty.Posix.IsTerminalAsync(s)));
        pty.Ok(pty.Posix.PopAsync(s));
        var second = pty.OpenSubsidiary(pty.PathOf(m)); // joins the open stream (L9): nothing more is pushed
        Assert.Equal("ptem pts", pty.Settle(pty.Posix.ListAsync(second)).Text);
        Assert.Equal("ptm", pty.Settle(pty.Posix.ListAsync(m)).Text); // never on the manager
        pty.CloseAllAndCheckClean(m, s, second);
    }

    [Fact]
    public void Autopush_of_an_unknown_module_is_refused_when_the_system_is_created()
    {
        var error = Assert.Throws<ArgumentException>(() => new PtySystemOptions { Autopush = new[] { "ptem", "nosuch" } }.Validate());
        Assert.Contains("nosuch", error.Message);
    }

    [Fact]
    public void Echo_that_a_manager_never_reads_holds_its_writer_instead_of_growing_a_queue()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        pty.Ok(pty.Posix.PushAsync(s, "ldterm"));
        var accepted = 0;
        for (var i = 0; i < 400; i++) // lines the subsidiary never reads, echoed to a manager that never reads (M1, M4.1)
        {
            var result = pty.Settle(pty.Posix.WriteAsync(m, Bytes.Of(new string('e', 63) + "\r")));
            if (!result.IsOk) break;
            accepted += (int)result.Value;
            pty.Drain(s); // the program reads every line; only the echo piles up
        }
        Assert.InRange(accepted, 2048, 20_000); // held by flow control long before 400 lines (25,600 bytes)
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_signal_waiter_is_answered_when_the_next_signal_is_recorded_and_fails_at_close()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        var waiting = pty.Posix.WaitSignalsAsync(s);
        pty.Settle();
        Assert.False(waiting.IsCompleted); // nothing recorded yet: it waits, no polling (M4.5)
        pty.Ok(pty.Posix.SetWindowSizeAsync(m, new WindowSize(10, 20)));
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(waiting).Signals);
        var last = pty.Posix.WaitSignalsAsync(s);
        pty.Close(s);
        Assert.Equal(Errno.EBADF, pty.Settled(last).Result.Errno);
        pty.CloseAllAndCheckClean(m);
    }
}
