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
        Assert.Equal(0, pty.Ok(pty.Posix.isatty(s))); // L20
        pty.Ok(pty.Posix.Push(s, "ptem"));
        Assert.Equal(1, pty.Ok(pty.Posix.isatty(s))); // M4.4
        Assert.Equal(0, pty.Ok(pty.Posix.isatty(m))); // L19: forwarded, ptem passes it up, the subsidiary head NAKs it
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_window_size_set_on_the_manager_is_read_on_the_subsidiary_with_a_SIGWINCH()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.Push(s, "ptem"));
        pty.Ok(pty.Posix.SetWindowSize(m, new WindowSize(24, 80)));
        var (result, size) = pty.Settled(pty.Posix.GetWindowSize(s));
        Assert.True(result.IsOk);
        Assert.Equal(new WindowSize(24, 80), size);
        Assert.Equal(new[] { Signal.SIGWINCH }, pty.Settled(pty.Posix.TakeSignals(s)).Signals);
        Assert.Empty(pty.Settled(pty.Posix.TakeSignals(s)).Signals); // taken once
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_manager_close_with_ptem_pushed_records_SIGHUP_on_the_subsidiary()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.Push(s, "ptem"));
        pty.Write(m, "left");
        pty.Close(m);
        Assert.Equal("left", pty.ReadText(s));
        Assert.Empty(pty.Read(s)); // L15
        Assert.Equal(new[] { Signal.SIGHUP }, pty.Settled(pty.Posix.TakeSignals(s)).Signals); // M4.5: strhup on a terminal
        pty.CloseAllAndCheckClean(s);
    }

    [Fact]
    public void Pckt_on_the_manager_wraps_data_for_getmsg_and_a_read_fails_ebadmsg()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.Push(m, "pckt"));
        pty.Write(s, "hi");
        pty.Fails(Errno.EBADMSG, pty.Posix.Read(m, new byte[16])); // H7, M2
        var message = pty.Settled(pty.Posix.Getmsg(m, 16, 16));
        Assert.Equal(new byte[] { 0x00 }, message.Control!.Value.ToArray()); // M_DATA
        Assert.Equal("hi", Bytes.Text(message.Data!.Value.ToArray()));
        pty.CloseAllAndCheckClean(m, s);
    }
}
