using Ptm.Actors.Specs.Fakes;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>`NAME = STEP &amp;`, `pending NAME` and `await NAME` (docs/spec-language.md, Timing).</summary>
public class StartedCallTests
{
    [Fact]
    public async Task A_started_read_stays_pending_until_data_arrives_and_await_checks_its_result()
    {
        await PassesAsync(OpenPair + """

            r = read s 10 &
            pending r
            idle
            pending r
            write m "abc" => 3
            await r => "abc"
            """);
    }

    [Fact]
    public async Task Pending_fails_when_the_call_has_completed()
    {
        await FailsAsync(OpenPair + "\nwrite m \"x\"\nr = read s 10 &\npending r", 7, "expected the call of line 6 to be pending, got \"x\"");
    }

    [Fact]
    public async Task Await_fails_as_blocked_when_the_call_is_still_pending_once_idle()
    {
        await FailsAsync(OpenPair + "\nr = read s 10 &\nidle\nawait r => any", 7, "blocked: the call of line 5 is still pending once the system is idle");
    }

    [Fact]
    public async Task Await_applies_its_expectation_to_the_started_calls_result()
    {
        await FailsAsync(OpenPair + "\nr = read s 10 &\nwrite m \"abc\"\nawait r => \"abd\"", 7, "expected \"abd\", got \"abc\"");
    }

    [Fact]
    public async Task Await_without_an_expectation_requires_success()
    {
        await FailsAsync(OpenPair + "\nr = read s 10 &\nclose s\nawait r", 7, "expected ok, got EBADF");
    }

    [Fact]
    public async Task A_started_call_does_not_wait_so_the_next_step_runs_first()
    {
        // The read is started before the write exists; both complete at the await's idle wait.
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + "\nr = read s 10 &\nw = write m \"hi\" &\nawait w => 2\nawait r => \"hi\"", target);
        var read = target.Calls.IndexOf("read 4 10");
        var write = target.Calls.IndexOf("write 3 2");
        Assert.True(read >= 0 && read < write);
    }

    [Fact]
    public async Task An_awaited_open_binds_its_handle()
    {
        await PassesAsync("""
            m = open /dev/ptmx
            unlockpt m
            s = open pts(m) &
            await s => ok
            write s "x" => 1
            read m 1 => "x"
            """);
    }

    [Fact]
    public async Task A_started_open_that_failed_behaves_as_a_closed_descriptor()
    {
        var target = new FakePtyTarget();
        await PassesAsync("""
            m = open /dev/ptmx
            s = open pts(m) &
            await s => EAGAIN
            write s "x" => EBADF
            read s 1 => EBADF
            readn s 1 => EBADF
            close s => EBADF
            ptsname s => EBADF
            s2 = open pts(s) => EBADF
            isatty s => 0
            """, target);
        Assert.Contains("write -1 1", target.Calls); // passed through as a descriptor that is never open
    }

    [Fact]
    public async Task Alternatives_pass_when_any_one_matches_and_fail_naming_all()
    {
        await PassesAsync("m = open /dev/ptmx\nr = read m 1 &\nclose m\nawait r => ok or EBADF\npoll m => POLLIN or EBADF");
        await FailsAsync("m = open /dev/ptmx\nread m 1 => EAGAIN or EIO or \"x\"\n", 2, "blocked: the call is still incomplete once the system is idle");
        await FailsAsync("m = open /dev/ptmx nonblock\nread m 1 => EIO or \"x\" or EOF", 2, "expected EIO or \"x\" or EOF, got EAGAIN");
    }

    [Fact]
    public async Task A_started_call_left_pending_at_the_end_does_not_fail_the_spec()
    {
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + "\nr = read s 1 &\npending r", target);
        Assert.Empty(target.Leftovers);
    }
}
