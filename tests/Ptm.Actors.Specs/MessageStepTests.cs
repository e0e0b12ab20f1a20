using Ptm.Actors.Specs.Fakes;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>`putmsg` and `getmsg` through the runner, on the fake pty.</summary>
public class MessageStepTests
{
    [Fact]
    public async Task Putmsg_and_getmsg_carry_both_parts_and_tell_an_absent_part_from_an_empty_one()
    {
        var target = new FakePtyTarget();
        var result = await PassesAsync(OpenPair + """

            putmsg m ctl "\x00\x01" data "hi" => ok
            putmsg m ctl - data "yo"
            putmsg m ctl "" data -
            putmsg m ctl - data -
            getmsg s 16 => ctl "\x00\x01" data "hi"
            getmsg s 16 => ctl - data "yo"
            getmsg s 16 => ctl "" data -
            write s "abc"
            getmsg m 2 => ctl - data "ab"
            """, target);
        Assert.Contains("putmsg 3 ctl 2 data 2", target.Calls);
        Assert.Contains("putmsg 3 ctl - data -", target.Calls);
        Assert.Contains("getmsg 4 16 16", target.Calls);
        Assert.Equal("9: getmsg s 16 => ctl \"\\x00\\x01\" data \"hi\"  -> ctl \"\\0\\x01\" data \"hi\"", result.Transcript[8]);
    }

    [Fact]
    public async Task A_getmsg_that_gets_another_message_fails_with_both_written_out()
    {
        await FailsAsync(OpenPair + "\nputmsg m ctl - data \"yo\"\ngetmsg s 8 => ctl \"x\" data -", 6,
            "expected ctl \"x\" data -, got ctl - data \"yo\"");
    }

    [Fact]
    public async Task A_started_getmsg_waits_for_a_message()
    {
        await PassesAsync(OpenPair + """

            g = getmsg s 8 &
            pending g
            putmsg m ctl "c" data "d"
            await g => ctl "c" data "d"
            """);
    }

    [Fact]
    public async Task Getmsg_and_putmsg_failures_are_errnos()
    {
        await PassesAsync(OpenPair + """

            n = open /dev/ptmx nonblock
            getmsg n 4 => EAGAIN
            close s
            getmsg s 4 => EBADF
            putmsg s ctl - data "x" => EBADF
            close m
            getmsg m 4 => EBADF
            """);
    }

    [Fact]
    public async Task A_getmsg_with_nothing_to_get_is_blocked()
    {
        await FailsAsync(OpenPair + "\ngetmsg s 4 => any", 5, "blocked: the call is still incomplete once the system is idle");
    }
}
