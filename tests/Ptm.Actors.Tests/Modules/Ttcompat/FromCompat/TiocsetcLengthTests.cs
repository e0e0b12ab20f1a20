using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// TIOCSETC carries a struct tchars (six characters): ttcompat.c's miocpullup of sizeof (struct
/// tchars) fails a shorter one with EINVAL before anything goes down (6.4).
/// </summary>
public sealed class TiocsetcLengthTests
{
    [Fact]
    public void A_TIOCSETC_too_short_for_a_tchars_fails_EINVAL_and_sends_nothing_down()
    {
        var ttcompat = new Ptm.Actors.Modules.Ttcompat();
        var context = new FakeModuleContext();

        ttcompat.WritePut(Request(IoctlCommands.TIOCSETC, new byte[CompatState.TcharsLength - 1], id: 9), context);

        Assert.Equal(new IoctlNak(9, Errno.EINVAL), Assert.Single(context.Up));
        Assert.Empty(context.Down);
    }
}
