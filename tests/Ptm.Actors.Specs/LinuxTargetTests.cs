using Ptm.Actors.TestKit.Scenarios;
using Ptm.Actors.TestKit.Scenarios.Linux;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>A fact that runs only where the Linux oracle can: Linux on x86_64.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!LinuxScenarioTarget.IsSupported) Skip = "the Linux oracle needs Linux on x86_64";
    }
}

/// <summary>The runner on this machine's real pty (`ptm spec --against linux`, M4.7).</summary>
public class LinuxTargetTests
{
    private const string Pair = OpenPair + "\nioctl s I_PUSH ptem\nioctl s I_PUSH ldterm\n";

    private static Task<ScenarioResult> RunOnLinux(string text) =>
        ScenarioRunner.RunAsync(Parse(text), LinuxScenarioTarget.Create, seed: null);

    private static async Task<ScenarioResult> PassesOnLinux(string text)
    {
        var result = await RunOnLinux(text);
        Assert.True(result.Passed, result.Summary + "\n" + string.Join("\n", result.Transcript));
        return result;
    }

    [LinuxFact]
    public async Task A_terminal_spec_runs_on_the_real_pty_with_the_module_steps_skipped()
    {
        var result = await PassesOnLinux(Pair + """
            tcsetattr s -icanon min=1 time=0
            tcgetattr s icanon => 0
            tcgetattr s min => 1
            write m "hi" => 2
            read m 64 => "hi"
            read s 64 => "hi"
            winsize m 24 80
            winsize s => "24 80"
            signals s => "SIGWINCH"
            """);
        Assert.Equal([5, 6, 15], result.SkippedLines);
    }

    [LinuxFact]
    public async Task Echoes_of_several_writes_have_all_arrived_before_the_next_step()
    {
        await PassesOnLinux(Pair + """
            write m "a" => 1
            write m "b" => 1
            write m "c" => 1
            read m 64 => "abc"
            write m "\x7f" => 1
            write m "\x7f" => 1
            read m 64 => "\x08 \x08\x08 \x08"
            """);
    }

    [LinuxFact]
    public async Task A_read_that_nothing_will_satisfy_is_blocked()
    {
        var result = await RunOnLinux(Pair + "read s 64 => any");
        Assert.Equal((7, "blocked: the call is still incomplete once the system is idle"), (result.Line, result.Failure));
    }

    [LinuxFact]
    public async Task A_pending_read_completes_once_a_line_arrives()
    {
        await PassesOnLinux(Pair + """
            r = read s 64 &
            pending r
            write m "x\n" => 2
            await r => "x\n"
            """);
    }

    [LinuxFact]
    public async Task A_closed_handle_stays_ebadf_when_the_kernel_reuses_its_number()
    {
        await PassesOnLinux(Pair + """
            close s
            t = open pts(m) noctty
            write s "x" => EBADF
            write t "y" => 1
            read m 64 => "y"
            """);
    }

    [LinuxFact]
    public async Task Steps_under_other_credentials_are_skipped()
    {
        var result = await PassesOnLinux(Pair + """
            as uid 5 gid 5
            write m "never" => 99
            as root
            write m "z" => 1
            """);
        Assert.Equal([5, 6, 8], result.SkippedLines);
    }

    [LinuxFact]
    public async Task Libc_calls_and_the_terminal_ioctls_answer_as_linux_does()
    {
        await PassesOnLinux(Pair + """
            ptsname_r m 3 => ERANGE
            ptsname_r m null => EINVAL
            isatty s => 1
            ioctl s TCSBRK 1 => 0
            ioctl s TIOCGWINSZ => "0 0"
            tcsetattr s drain speed=9600
            tcgetattr s speed => 9600
            tcsetattr s flush -echo
            tcgetattr s echo => 0
            """);
    }

    [LinuxFact]
    public async Task Sleep_is_a_real_sleep_so_vtime_can_expire()
    {
        await PassesOnLinux(Pair + """
            tcsetattr s -icanon -echo min=0 time=2
            r = read s 64 &
            sleep 0.5
            await r => EOF
            """);
    }
}
