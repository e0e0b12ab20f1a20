using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Requests;

/// <summary>
/// PD1: minors are handed out lowest-free first, and a freed minor is free again (L16), also
/// the highest one, with lower minors still in use and others freed below it.
/// </summary>
public class MinorReuseTests
{
    [Fact]
    public void PD1_the_highest_minor_freed_under_one_still_open_is_the_next_handed_out()
    {
        using var pty = new DeterministicPty();
        var first = pty.OpenManager();
        var second = pty.OpenManager();
        Assert.Equal(["/dev/pts/1", "/dev/pts/2"], new[] { pty.PathOf(first), pty.PathOf(second) });

        pty.Close(second);
        var again = pty.OpenManager();
        var next = pty.OpenManager();

        Assert.Equal(["/dev/pts/2", "/dev/pts/3"], new[] { pty.PathOf(again), pty.PathOf(next) });
        pty.CloseAllAndCheckClean(first, again, next);
    }

    [Fact]
    public void PD1_minors_freed_below_the_highest_are_handed_out_again_lowest_first()
    {
        using var pty = new DeterministicPty();
        var managers = Enumerable.Range(0, 4).Select(_ => pty.OpenManager()).ToArray(); // 1 to 4
        pty.Close(managers[1]); // 2
        pty.Close(managers[2]); // 3
        pty.Close(managers[3]); // 4, the highest: 2 and 3 below it are free too

        var reopened = Enumerable.Range(0, 3).Select(_ => pty.OpenManager()).ToArray();

        Assert.Equal(["/dev/pts/2", "/dev/pts/3", "/dev/pts/4"], reopened.Select(pty.PathOf));
        pty.CloseAllAndCheckClean([managers[0], .. reopened]);
    }
}
