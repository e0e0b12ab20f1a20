using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// Issue 18's planted bugs: each is planted in the pty layer of one deterministic soak run (the
/// TestKit's message interception; the product is untouched), and the soak's checker must report
/// it with its kind and the victim's session; the same run without the plant breaks no rule. The
/// parked read, the lone crash and the stale peer were the soak's blind spots: a parked read was
/// excused as a slow reader and closed abruptly, and managers never crashed alone nor subsidiaries
/// reopened right after a crash. They stay as regression tests of the checker and the workload.
/// </summary>
public class PlantedBugTests
{
    private const long Seed = 20261129;

    private static SoakOptions Options => PlantedRuns.Options(Seed);

    [Fact]
    public async Task The_same_run_without_a_planted_bug_breaks_no_rule()
    {
        var log = await PlantedRuns.Run(Options);

        Check.Clean(log);
    }

    [Fact]
    public async Task A_byte_dropped_on_its_way_to_a_subsidiary_is_data_loss_in_its_session()
    {
        var bug = new DroppedByte(packet: 300);
        var log = await PlantedRuns.Run(Options, bug);

        AssertReported(log, bug, ViolationKind.DataLoss);
    }

    [Fact]
    public async Task A_read_left_parked_after_the_hang_up_is_call_hung_in_its_session_when_its_patience_runs_out()
    {
        var bug = new ParkedReadAfterHangup();
        var log = await PlantedRuns.Run(Options, bug);

        var hung = AssertReported(log, bug, ViolationKind.CallHung);
        Assert.Contains("read_s", hung.Detail);
        Assert.Contains("after its manager's close completed", hung.Detail); // at the moment, not at teardown
    }

    [Fact]
    public async Task A_minor_leaked_by_a_manager_crash_with_no_subsidiary_is_named_with_its_last_session()
    {
        var bug = new LeakAfterLoneCrash();
        var log = await PlantedRuns.Run(Options, bug);

        var leak = AssertReported(log, bug, ViolationKind.MinorLeak);
        Assert.Contains($"minor {bug.VictimMinor} ", leak.Detail);
    }

    [Fact]
    public async Task A_subsidiary_reopened_before_the_crash_notice_reaches_the_manager_breaks_no_rule()
    {
        var race = new ForcedReopenRace();
        var log = await PlantedRuns.Run(Options, race);

        Assert.True(race.Races > 0, "no reopen after a crash reached the manager ahead of the crash's death notice (R13)");
        Check.Clean(log);
    }

    [Fact]
    public async Task A_manager_that_keeps_a_stale_peer_after_a_reopen_is_caught_in_its_session()
    {
        var bug = new StalePeerAfterReopen();
        var log = await PlantedRuns.Run(Options, bug);

        Assert.True(bug.Races > 0, "no subsidiary reopened after a crash reached the manager before the crash's death notice (R13)");
        // The lost bytes stall flow control, so the blocking close of the manager never drains (H3): seen as call_hung here.
        AssertReported(log, bug, ViolationKind.DataLoss, ViolationKind.CallHung);
    }

    /// <summary>The bug struck, and a violation of one of these kinds names its victim's session.</summary>
    private static Violation AssertReported(ViolationLog log, PlantedBug bug, params ViolationKind[] kinds)
    {
        Assert.True(bug.VictimMinor > 0, "the planted bug never struck: the run did not reach its path");
        Assert.True(bug.VictimSession > 0, $"no session had minor {bug.VictimMinor} when the bug struck");
        var found = log.Logged.FirstOrDefault(v => kinds.Contains(v.Kind) && v.Session == bug.VictimSession);
        Assert.True(found is not null, $"no {string.Join(" or ", kinds.Select(ViolationKinds.Name))} in session {bug.VictimSession}; {PlantedRuns.Describe(log)}");
        return found!;
    }
}
