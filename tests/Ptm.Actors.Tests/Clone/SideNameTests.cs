using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// Side actors are named for the device and minor they stand for, "ptm-N-k" and "pts-N-k" (k a
/// serial, so a reopened side never takes the name of one still stopping): the seeded dispatcher's
/// trace, Akka's log sources and the dead-letter reports show these names, and the race tests
/// tell managers from subsidiaries by them (TraceChecks).
/// </summary>
public class SideNameTests
{
    [Fact]
    public void Side_actors_are_named_for_their_device_and_minor_and_a_reopened_side_gets_a_new_name()
    {
        using var pty = new DeterministicPty();
        var (manager, subsidiary) = pty.OpenPair();
        var minor = pty.Posix.HandleOf(manager).Minor;
        var first = pty.Posix.HandleOf(subsidiary).File.Side!.Path.Name;

        Assert.StartsWith($"ptm-{minor}-", pty.Posix.HandleOf(manager).File.Side!.Path.Name, StringComparison.Ordinal);
        Assert.StartsWith($"pts-{minor}-", first, StringComparison.Ordinal);

        pty.Close(subsidiary);
        var again = pty.OpenSubsidiary(pty.PathOf(manager)); // L11: a new stream, a new actor
        var second = pty.Posix.HandleOf(again).File.Side!.Path.Name;
        Assert.StartsWith($"pts-{minor}-", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        pty.CloseAllAndCheckClean(again, manager);
    }
}
