using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// The Clone's counters a host reads for its reports (leak checks, soak and bench): the minors in
/// use at the peak, and the first of the unexpected failures (a test's or a spec's failure message).
/// </summary>
public class CloneStatisticsTests
{
    [Fact]
    public void The_peak_is_the_most_minors_ever_allocated_at_once()
    {
        using var pty = new DeterministicPty();
        var managers = new[] { pty.OpenManager(), pty.OpenManager(), pty.OpenManager() };
        pty.Close(managers[0]);
        pty.Close(managers[1]);
        var again = pty.OpenManager(); // back to two: below the peak

        Assert.Equal(2, pty.System.AllocatedMinors);
        Assert.Equal(3, pty.System.Statistics.Peak);
        pty.CloseAllAndCheckClean(managers[2], again);
        Assert.Equal(3, pty.System.Statistics.Peak); // L16 frees the minors, not the record
    }

    [Fact]
    public void The_report_names_the_first_unexpected_failure_and_counts_them_all()
    {
        var statistics = new CloneStatistics();
        var first = new InvalidOperationException("first");

        statistics.RecordUnexpectedFailure(first);
        statistics.RecordUnexpectedFailure(new InvalidOperationException("second"));

        Assert.Equal(2, statistics.UnexpectedFailures);
        Assert.Same(first, statistics.FirstUnexpectedFailure);
    }
}
