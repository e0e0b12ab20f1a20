using static Ptm.Actors.Tests.Modules.TtcompatToCompat.ToCompatReading;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// 6.4 to_compat's tchars start and stop: without IXON they mean nothing, so a terminal that is
/// not raw reports them disabled (0377) whatever VSTART and VSTOP hold; a raw one reports the
/// characters (ttcompat.c does the IXON check only outside RAW).
/// </summary>
public sealed class StartStopTests
{
    [Fact]
    public void Without_IXON_start_and_stop_read_as_disabled()
    {
        var state = Read(Termios.Default with { Input = Termios.Default.Input & ~InputModes.IXON });
        Assert.Equal(((byte)0xff, (byte)0xff), (state.Start, state.Stop));
    }

    [Fact]
    public void With_IXON_start_and_stop_are_VSTART_and_VSTOP()
    {
        var state = Read(Termios.Default);
        Assert.Equal(((byte)0x11, (byte)0x13), (state.Start, state.Stop));
    }

    [Fact]
    public void A_raw_terminal_reports_VSTART_and_VSTOP_though_it_has_no_IXON()
    {
        var state = Read(RawTermios);
        Assert.Equal(((byte)0x11, (byte)0x13), (state.Start, state.Stop));
    }
}
