using System.Collections.Immutable;
using System.Text;
using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>Source text becomes the AST the language describes, step by step.</summary>
public class ParserTests
{
    private static Step Only(string text) => SpecHarness.Parse("m = open /dev/ptmx\n" + text).Steps[1];

    [Fact]
    public void The_documented_example_parses_into_its_steps()
    {
        var script = SpecHarness.Parse("""
            # Manager close hangs up the subsidiary (L14, L15).
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
            """);
        Assert.Equal(10, script.Steps.Length);
        Assert.Equal(11, script.LastLine);
        Assert.Equal(new OpenStep(new LiteralPath("/dev/ptmx"), ScenarioOpenFlags.None) { Line = 2, Source = "m = open /dev/ptmx", BindTo = "m" }, script.Steps[0]);
        var subsidiary = Assert.IsType<OpenStep>(script.Steps[4]);
        Assert.Equal((new SubsidiaryOf("m") as DevicePath, ScenarioOpenFlags.NoCtty, "s"), (subsidiary.Path, subsidiary.Flags, subsidiary.BindTo));
        var write = Assert.IsType<WriteStep>(script.Steps[5]);
        Assert.Equal("hello\n"u8.ToArray(), write.Data.ToArray());
        Assert.Equal(new ExpectNumber(6), Assert.Single(write.Expect!.Alternatives));
        Assert.Equal(new ExpectErrno(ErrnoTable.EIO), Assert.Single(((CallStep)script.Steps[7]).Expect!.Alternatives));
        Assert.Equal(new ExpectEof(), Assert.Single(((CallStep)script.Steps[9]).Expect!.Alternatives));
        Assert.Equal(11, script.Steps[9].Line);
    }

    [Fact]
    public void String_escapes_decode_to_their_bytes()
    {
        var write = Assert.IsType<WriteStep>(Only("""write m "a\tb\r\n\0\x41\xff\\\"" """));
        Assert.Equal(new byte[] { (byte)'a', 9, (byte)'b', 13, 10, 0, 0x41, 0xff, (byte)'\\', (byte)'"' }, write.Data.ToArray());
    }

    [Fact]
    public void A_repeat_string_is_the_string_that_many_times()
    {
        var write = Assert.IsType<WriteStep>(Only("""write m "ab" * 1000 => 2000"""));
        Assert.Equal(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ab", 1000))), write.Data.ToArray());
        var read = Assert.IsType<ReadStep>(Only("""read m 6 => "xy" * 3"""));
        Assert.Equal(new ExpectBytes([.. "xyxyxy"u8.ToArray()]).Bytes.ToArray(), ((ExpectBytes)read.Expect!.Alternatives[0]).Bytes.ToArray());
    }

    [Fact]
    public void A_hash_inside_a_string_is_not_a_comment_and_non_ascii_text_is_utf8()
    {
        var write = Assert.IsType<WriteStep>(Only("write m \"a#é\" # the comment"));
        Assert.Equal(new byte[] { (byte)'a', (byte)'#', 0xC3, 0xA9 }, write.Data.ToArray());
        Assert.Equal("write m \"a#é\"", write.Source);
    }

    [Fact]
    public void Windows_line_endings_and_blank_lines_are_accepted()
    {
        var script = SpecHarness.Parse("m = open /dev/ptmx\r\n\r\n   \r\nclose m\r\n");
        Assert.Equal([1, 4], script.Steps.Select(s => s.Line));
    }

    [Fact]
    public void Every_step_kind_parses_with_its_arguments()
    {
        var script = SpecHarness.Parse("""
            m = open /dev/ptmx nonblock ndelay noctty
            s = open /dev/pts/1
            close s
            read m 5
            readn m 7
            ioctl m ZONEPT 3
            ioctl m OWNERPT 5 7
            ioctl m TIOCGETP
            flush m FLUSHR
            flush m FLUSHW
            flush m FLUSHRW
            poll m
            grantpt m
            unlockpt m
            ptsname m
            ptsname_r m 10
            ptsname_r m null
            isatty m
            stat /dev/pts/1
            stat pts(m)
            crash m
            tune pt_max_pty 4
            tune pt_cnt 2
            as uid 5 gid 6 zone 2 privileged
            as uid 9 gid 10
            as root
            r = read m 1 &
            pending r
            await r => any
            idle
            getmsg m 4
            sleep 1.5
            """);
        object[] expected =
        [
            new OpenStep(new LiteralPath("/dev/ptmx"), ScenarioOpenFlags.NonBlock | ScenarioOpenFlags.NDelay | ScenarioOpenFlags.NoCtty),
            new OpenStep(new LiteralPath("/dev/pts/1"), ScenarioOpenFlags.None),
            new CloseStep("s"), new ReadStep("m", 5), new ReadAllStep("m", 7),
            new IoctlStep("m", "ZONEPT", [3]), new IoctlStep("m", "OWNERPT", [5, 7]), new IoctlStep("m", "TIOCGETP", []),
            new FlushStep("m", FlushBits.R), new FlushStep("m", FlushBits.W), new FlushStep("m", FlushBits.RW),
            new PollStep("m"), new GrantptStep("m"), new UnlockptStep("m"), new PtsnameStep("m"),
            new PtsnameRStep("m", 10), new PtsnameRStep("m", null), new IsattyStep("m"),
            new StatStep(new LiteralPath("/dev/pts/1")), new StatStep(new SubsidiaryOf("m")), new CrashStep("m"),
            new TuneStep("pt_max_pty", 4), new TuneStep("pt_cnt", 2),
            new AsStep(new ScenarioCredentials(5, 6, 2, true)), new AsStep(new ScenarioCredentials(9, 10, 0, false)),
            new AsStep(ScenarioCredentials.Root),
            new ReadStep("m", 1), new PendingStep("r"), new AwaitStep("r", null), new IdleStep(),
            new GetmsgStep("m", 4), new SleepStep(TimeSpan.FromSeconds(1.5)),
        ];
        Assert.Equal(expected.Length, script.Steps.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(Describe(expected[i]), Describe(script.Steps[i]));
        var started = Assert.IsType<ReadStep>(script.Steps[26]);
        Assert.True(started.Background);
        Assert.Equal("r", started.BindTo);
        Assert.Equal(new ExpectAny(), Assert.Single(Assert.IsType<AwaitStep>(script.Steps[28]).Expect!.Alternatives));
    }

    [Theory]
    [InlineData("ok", "ok")]
    [InlineData("any", "any")]
    [InlineData("EOF", "EOF")]
    [InlineData("0", "0")]
    [InlineData("2048", "2048")]
    [InlineData("\"a\\nb\"", "\"a\\nb\"")]
    [InlineData("EAGAIN", "EAGAIN")]
    [InlineData("POLLHUP|POLLIN", "POLLIN|POLLHUP")]
    [InlineData("POLLERR", "POLLERR")]
    [InlineData("ok or EAGAIN", "ok or EAGAIN")]
    [InlineData("3 or POLLOUT|POLLIN or ENXIO", "3 or POLLIN|POLLOUT or ENXIO")]
    public void Each_expectation_form_parses_and_renders_back(string written, string rendered)
    {
        var step = Assert.IsType<ReadStep>(Only("read m 1 => " + written));
        Assert.Equal(rendered, step.Expect!.ToString());
    }

    [Fact]
    public void Every_errno_name_of_the_table_is_accepted()
    {
        foreach (var name in new[] { "EPERM", "ENOENT", "EIO", "ENXIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "EINVAL",
                     "ENOSPC", "EROFS", "ERANGE", "ENOSYS", "EMFILE", "ENFILE", "EINTR", "EPIPE", "ENOTTY" })
        {
            var expect = Assert.IsType<ExpectErrno>(Assert.Single(((CallStep)Only("read m 1 => " + name)).Expect!.Alternatives));
            Assert.Equal(name, ErrnoTable.NameOf(expect.Number));
        }
        Assert.True(ErrnoTable.TryParse("EAGAIN", out var eagain) && eagain == 11);
    }

    [Fact]
    public void A_name_can_be_rebound_and_an_awaited_open_becomes_a_handle()
    {
        var script = SpecHarness.Parse("""
            m = open /dev/ptmx
            m = open /dev/ptmx
            t = open /dev/ptmx &
            await t => ok
            close t
            """);
        Assert.Equal(5, script.Steps.Length);
    }

    [Fact]
    public void Putmsg_takes_a_control_and_a_data_part_either_of_which_may_be_absent()
    {
        var both = Assert.IsType<PutmsgStep>(Only("""putmsg m ctl "\x00\x01" data "hi" => ok"""));
        Assert.Equal("m", both.Handle);
        Assert.Equal(new byte[] { 0, 1 }, both.Control!.Value.ToArray());
        Assert.Equal("hi"u8.ToArray(), both.Data!.Value.ToArray());
        Assert.Equal(new ExpectOk(), Assert.Single(both.Expect!.Alternatives));
        var dataOnly = Assert.IsType<PutmsgStep>(Only("""putmsg m ctl - data "ab" * 3"""));
        Assert.Null(dataOnly.Control);
        Assert.Equal("ababab"u8.ToArray(), dataOnly.Data!.Value.ToArray());
        var controlOnly = Assert.IsType<PutmsgStep>(Only("""putmsg m ctl "" data -"""));
        Assert.Equal((true, 0), (controlOnly.Control.HasValue, controlOnly.Control!.Value.Length)); // empty, not absent
        Assert.Null(controlOnly.Data);
        var started = Assert.IsType<PutmsgStep>(Only("p = putmsg m ctl - data - &"));
        Assert.Equal((null, null, true, "p"), ((ImmutableArray<byte>?)started.Control, (ImmutableArray<byte>?)started.Data, started.Background, started.BindTo));
    }

    [Fact]
    public void Getmsg_takes_one_buffer_size_for_both_parts()
    {
        var getmsg = Assert.IsType<GetmsgStep>(Only("""getmsg m 16 => ctl "\0" data "hi" or EAGAIN"""));
        Assert.Equal(new GetmsgStep("m", 16), getmsg with { Line = 0, Source = "", Expect = null });
        Assert.Equal(ResultKind.Message, ResultKinds.Of(getmsg));
        Assert.Equal("ctl \"\\0\" data \"hi\" or EAGAIN", getmsg.Expect!.ToString());
    }

    [Theory]
    [InlineData("""ctl "\x00" data "hi" """, """ctl "\0" data "hi" """)]
    [InlineData("""ctl - data "hi" """, """ctl - data "hi" """)]
    [InlineData("""ctl "" data - """, """ctl "" data - """)]
    [InlineData("ctl - data -", "ctl - data -")]
    [InlineData("""ctl "ab" * 2 data "\n" """, """ctl "abab" data "\n" """)]
    [InlineData("""ctl - data "x" or ctl "y" data - or EAGAIN""", """ctl - data "x" or ctl "y" data - or EAGAIN""")]
    public void A_message_expectation_parses_and_renders_back(string written, string rendered)
    {
        var step = Assert.IsType<GetmsgStep>(Only("getmsg m 4 => " + written));
        Assert.Equal(rendered.Trim(), step.Expect!.ToString());
    }

    [Fact]
    public void A_message_expectation_keeps_an_absent_part_apart_from_an_empty_one()
    {
        var absent = Assert.IsType<ExpectMessage>(Assert.Single(((CallStep)Only("getmsg m 4 => ctl - data \"\"")).Expect!.Alternatives));
        Assert.Null(absent.Control);
        Assert.Equal(0, absent.Data!.Value.Length);
    }

    [Theory]
    [InlineData("15", 15 * TimeSpan.TicksPerSecond)]
    [InlineData("0.5", TimeSpan.TicksPerSecond / 2)]
    [InlineData("14.9", 149 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("0.0000001", 1)]
    [InlineData("007", 7 * TimeSpan.TicksPerSecond)]
    [InlineData("31536000", 31536000 * TimeSpan.TicksPerSecond)]
    public void Sleep_takes_a_positive_number_of_seconds_with_an_optional_fraction(string written, long ticks)
    {
        var sleep = Assert.IsType<SleepStep>(Only("sleep " + written));
        Assert.Equal(TimeSpan.FromTicks(ticks), sleep.Duration);
        Assert.Equal("sleep " + written, sleep.Source);
    }

    // Steps compare by their own fields, not by position, binding or expectation.
    private static string Describe(object step) => step switch
    {
        IoctlStep ioctl => $"ioctl {ioctl.Handle} {ioctl.Name} [{string.Join(',', ioctl.Args)}]",
        CallStep call => (call with { Line = 0, Source = "", BindTo = null, Background = false, Expect = null }).ToString(),
        AwaitStep awaited => (awaited with { Line = 0, Source = "", Expect = null }).ToString(),
        Step other => (other with { Line = 0, Source = "" }).ToString(),
        _ => step.ToString()!,
    };
}
