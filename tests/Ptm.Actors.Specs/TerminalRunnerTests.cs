using Ptm.Actors.Specs.Fakes;
using Ptm.Actors.TestKit.Scenarios;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>The runner drives the terminal steps through the target's ioctl-with-reply and signals calls.</summary>
public class TerminalRunnerTests
{
    [Fact]
    public async Task Module_ioctls_push_find_list_and_pop()
    {
        await PassesAsync(OpenPair + """

            ioctl s I_PUSH ptem => 0
            ioctl s I_PUSH ldterm => 0
            ioctl s I_FIND ptem => 1
            ioctl s I_FIND pckt => 0
            ioctl s I_LIST => "ldterm ptem pts"
            ioctl s I_POP => 0
            ioctl s I_LIST => "ptem pts"
            ioctl s I_PUSH nosuch => EINVAL
            """);
    }

    [Fact]
    public async Task Tcsetattr_changes_only_the_named_settings_and_tcgetattr_reads_them_back()
    {
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + """

            tcgetattr s icanon => 1
            tcgetattr s erase => 127
            tcgetattr s speed => 9600
            tcsetattr s -icanon min=1 time=0 intr=^X speed=38400
            tcgetattr s icanon => 0
            tcgetattr s echo => 1
            tcgetattr s min => 1
            tcgetattr s time => 0
            tcgetattr s intr => 24
            tcgetattr s speed => 38400
            tcsetattr s flush erase=undef
            tcgetattr s erase => 0
            """, target);
        Assert.Contains(target.Calls, call => call.StartsWith("ioctl 4 TCSETSF ", StringComparison.Ordinal));
        Assert.Contains(target.Calls, call => call.StartsWith("ioctl 4 TCSETS ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_tcgetattr_half_is_the_result_of_tcsetattr()
    {
        await FailsAsync(OpenPair + "\nclose s\ntcsetattr s echo", 6, "expected ok, got EBADF");
    }

    [Fact]
    public async Task Winsize_round_trips_as_rows_and_columns_and_signals_report_sigwinch_once()
    {
        await PassesAsync(OpenPair + """

            winsize s => "0 0"
            signals s => 0
            winsize m 24 80
            ioctl s TIOCGWINSZ => "24 80"
            ioctl m TIOCSWINSZ 30 100 => 0
            winsize s => "30 100"
            ioctl m TIOCSIGNAL SIGINT => 0
            signals s => "SIGWINCH SIGWINCH SIGINT"
            signals s => 0
            """);
    }

    [Fact]
    public async Task A_wrong_signal_list_fails_with_both_sides_written_as_a_spec_would()
    {
        await FailsAsync(OpenPair + "\nwinsize m 1 2\nsignals s => \"SIGINT\"", 6, "expected \"SIGINT\", got \"SIGWINCH\"");
        await FailsAsync(OpenPair + "\nsignals s => \"SIGINT\"", 5, "expected \"SIGINT\", got 0");
    }

    [Fact]
    public async Task Idle_waits_that_look_at_a_converted_terminal_call_name_the_call_the_target_started()
    {
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + """

            t = winsize s &
            await t => "0 0"
            tcgetattr s echo => 1
            """, target);
        Assert.NotEmpty(target.FocusWasOwnCall);
        Assert.All(target.FocusWasOwnCall, Assert.True);
    }

    [Fact]
    public async Task Skipped_steps_are_listed_and_never_run()
    {
        var target = new FakePtyTarget { Skips = (step, _) => step is PayloadIoctlStep { Name: "I_PUSH" } or SignalsStep ? "no modules here" : null };
        var result = await PassesAsync(OpenPair + """

            ioctl s I_PUSH ptem
            winsize m 24 80
            signals s => "SIGWINCH"
            winsize s => "24 80"
            """, target);
        Assert.Equal([5, 7], result.SkippedLines);
        Assert.Equal("PASS t.pty (2 skipped: lines 5, 7)", result.Summary);
        Assert.Equal("5: ioctl s I_PUSH ptem  -> skipped: no modules here", result.Transcript[4]);
        Assert.DoesNotContain(target.Calls, call => call.Contains("I_PUSH", StringComparison.Ordinal) || call.StartsWith("signals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Steps_on_a_handle_from_a_skipped_step_are_skipped_too()
    {
        var target = new FakePtyTarget { Skips = (step, who) => step is OpenStep && who.Uid != 0 ? "one user only" : null };
        var result = await PassesAsync("""
            m = open /dev/ptmx
            grantpt m
            unlockpt m
            as uid 5 gid 5
            s = open pts(m)
            as root
            write s "x" => 1
            r = read s 1 &
            await r => "y"
            close m
            """, target);
        Assert.Equal([5, 7, 8, 9], result.SkippedLines);
        Assert.Equal("7: write s \"x\" => 1  -> skipped: 's' comes from a skipped step", result.Transcript[6]);
    }

    [Fact]
    public async Task A_failing_spec_still_lists_its_skipped_steps()
    {
        var target = new FakePtyTarget { Skips = (step, _) => step is SignalsStep ? "no process model" : null };
        var result = await FailsAsync(OpenPair + "\nsignals s\nwrite m \"ab\" => 3", 6, "expected 3, got 2", target);
        Assert.Equal("FAIL t.pty:6: expected 3, got 2 (1 skipped: line 5)", result.Summary);
    }
}
