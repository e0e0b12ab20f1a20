using Ptm.Actors.Specs.Fakes;
using Ptm.Actors.TestKit.Scenarios;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>The runner on the fake pty: passing, failing at the right line, and the end of a spec.</summary>
public class RunnerTests
{
    [Fact]
    public async Task The_documented_example_passes()
    {
        var target = new FakePtyTarget();
        var result = await PassesAsync("""
            # Manager close hangs up the subsidiary: it reads what is left, then end of file (L14, L15).
            m = open /dev/ptmx
            grantpt m
            unlockpt m
            ptsname m => "/dev/pts/1"
            s = open pts(m) noctty
            write m "hello\n" => 6
            close m
            write s "x" => EIO
            read s 64 => "hello\n"
            read s 64 => EOF
            """, target);
        Assert.Equal("PASS t.pty", result.Summary);
        Assert.True(target.Disposed);
        Assert.Equal(10, result.Transcript.Count);
        Assert.Equal("10: read s 64 => \"hello\\n\"  -> \"hello\\n\"", result.Transcript[8]);
    }

    [Fact]
    public async Task A_wrong_count_fails_at_its_line_with_expected_and_got()
    {
        var result = await FailsAsync(OpenPair + "\nwrite m \"hello\" => 6\nclose s", 5, "expected 6, got 5");
        Assert.Equal("FAIL t.pty:5: expected 6, got 5", result.Summary);
        Assert.Equal(5, result.Transcript.Count); // nothing after the failing line ran
    }

    [Fact]
    public async Task A_step_without_an_expectation_must_succeed()
    {
        await FailsAsync(OpenPair + "\nclose m\nwrite s \"x\"", 6, "expected ok, got EIO");
    }

    [Fact]
    public async Task A_call_still_incomplete_once_the_system_is_idle_is_blocked()
    {
        await FailsAsync(OpenPair + "\nread s 10 => any", 5, "blocked: the call is still incomplete once the system is idle");
    }

    [Fact]
    public async Task Every_step_waits_for_idleness_before_its_call_is_checked()
    {
        // The fake completes nothing outside WhenIdleAsync: each call step needs one idle wait.
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + "\nwrite m \"ab\" => 2\nread s 2 => \"ab\"", target);
        Assert.True(target.IdleWaits >= 6, $"only {target.IdleWaits} idle waits");
    }

    [Fact]
    public async Task A_closed_handle_stays_bound_and_its_calls_reach_the_target_as_ebadf()
    {
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + "\nclose s\nread s 1 => EBADF\nwrite s \"x\" => EBADF\nclose s => EBADF\npoll s => EBADF", target);
        Assert.Contains("read 4 1", target.Calls); // the closed descriptor was passed through
    }

    [Fact]
    public async Task A_failed_open_leaves_an_unbound_name_answering_ebadf_and_keeps_an_old_binding()
    {
        await PassesAsync("""
            m = open /dev/ptmx
            s = open pts(m) => EAGAIN
            read s 1 => EBADF
            grantpt m
            unlockpt m
            s = open pts(m)
            as uid 5 gid 5
            s = open pts(m) => EACCES
            as root
            write s "x" => 1
            read m 1 => "x"
            """);
    }

    [Fact]
    public async Task Credentials_apply_to_the_steps_that_follow()
    {
        await PassesAsync("""
            m = open /dev/ptmx
            unlockpt m
            stat /dev/pts/1 => "uid=0 gid=0 mode=0620"
            as uid 42 gid 3
            grantpt m
            stat pts(m) => "uid=42 gid=7 mode=0620"
            s = open pts(m)
            as uid 43 gid 3 privileged
            t = open /dev/pts/1
            as uid 44 gid 3
            u = open /dev/pts/1 => EACCES
            """);
    }

    [Fact]
    public async Task Stat_of_pts_of_a_failed_handle_is_ebadf_and_of_a_subsidiary_is_ptsnames_error()
    {
        await PassesAsync(OpenPair + "\nstat pts(s) => EINVAL\nclose m\nstat pts(m) => EBADF\nstat /dev/pts/9 => ENOENT");
    }

    [Fact]
    public async Task Handles_left_open_are_closed_at_the_end_so_nothing_leaks()
    {
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + "\nopen /dev/ptmx\nt = open /dev/ptmx &", target);
        Assert.Empty(target.Leftovers); // the fake reports every pty still allocated at shutdown
        Assert.Equal(4, target.Calls.Count(c => c.StartsWith("close ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Leftovers_after_shutdown_fail_the_spec_at_its_last_line()
    {
        var target = new FakePtyTarget();
        target.DeadLetters.Add("dead letter: Hangup to pts/1");
        var result = await FailsAsync("m = open /dev/ptmx\nclose m\n# end\n", 3, "expected a clean shutdown, got dead letter: Hangup to pts/1", target);
        Assert.True(target.Disposed);
        Assert.Equal("FAIL t.pty:3: expected a clean shutdown, got dead letter: Hangup to pts/1", result.Summary);
    }

    [Fact]
    public async Task A_failing_spec_still_shuts_its_target_down()
    {
        var target = new FakePtyTarget();
        await FailsAsync("m = open /dev/ptmx\nread m 1 => EOF\nclose m", 2, "blocked: the call is still incomplete once the system is idle", target);
        Assert.True(target.Disposed);
        Assert.Contains("close 3", target.Calls);
    }

    [Fact]
    public async Task A_system_that_never_becomes_idle_trips_the_safety_net_at_the_step_it_was_on()
    {
        var target = new FakePtyTarget { NeverIdle = true };
        var result = await RunAsync("m = open /dev/ptmx\nclose m", target, new ScenarioOptions(TimeSpan.FromMilliseconds(50)));
        Assert.False(result.Passed);
        Assert.Equal(1, result.Line);
        Assert.Equal("the system was still busy after 50 ms (the safety net); it never became idle", result.Failure);
    }

    [Fact]
    public async Task A_target_that_cannot_be_created_fails_the_spec_instead_of_crashing()
    {
        var result = await ScenarioRunner.RunAsync(Parse("# x\nm = open /dev/ptmx"), _ => throw new NotSupportedException("no target"), 3);
        Assert.Equal("FAIL t.pty:2 (seed 3): could not create the target: NotSupportedException: no target", result.Summary);
    }

    [Fact]
    public async Task Tune_crash_ioctl_flush_isatty_and_ptsname_r_reach_the_target()
    {
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + """

            tune pt_max_pty 1
            open /dev/ptmx => EAGAIN
            ioctl m ISPTM => 0
            ioctl s ISPTM => EINVAL
            ioctl m OWNERPT 5 7 => 0
            ioctl m TIOCGETP => EINVAL
            isatty s => 0
            ioctl s PTSSTTY
            isatty s => 1
            ptsname_r m 11 => "/dev/pts/1"
            ptsname_r m 10 => ERANGE
            ptsname_r m null => EINVAL
            write s "abc"
            flush m FLUSHR
            poll m => POLLOUT
            crash m
            poll m => POLLERR
            poll s => POLLHUP
            """, target);
        Assert.Contains("ioctl 3 OWNERPT 5 7", target.Calls);
        Assert.Contains("tune pt_max_pty 1", target.Calls);
        Assert.Contains("flush 3 1", target.Calls);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_run()
    {
        var spec = Parse(OpenPair + "\nw = write m \"ab\" &\nr = read s 2 &\nawait r => \"ab\"\nawait w => 2");
        var first = await ScenarioRunner.RunAsync(spec, seed => new FakePtyTarget(seed), 7);
        var second = await ScenarioRunner.RunAsync(spec, seed => new FakePtyTarget(seed), 7);
        Assert.True(first.Passed, first.Summary);
        Assert.Equal(first.Transcript, second.Transcript);
        Assert.Equal(first.Trace, second.Trace);
        Assert.StartsWith("seed 7: ", first.Trace[0]);
    }
}
