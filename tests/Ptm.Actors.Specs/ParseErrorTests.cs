namespace Ptm.Actors.Specs;

/// <summary>Every parse error names path, line and column, and a broken file yields no script.</summary>
public class ParseErrorTests
{
    [Theory]
    [InlineData("m = open /dev/ptmx\nfrob m", "t.pty:2:1: unknown step 'frob'")]
    [InlineData("read q 5", "t.pty:1:6: unbound handle 'q' (no earlier line binds it)")]
    [InlineData("m = open pts(m)", "t.pty:1:14: unbound handle 'm' (no earlier line binds it)")]
    [InlineData("m = open /dev/ptmx\nwrite m \"a\\qb\"", "t.pty:2:11: bad string escape '\\q' (use \\n \\r \\t \\0 \\\\ \\\" \\xHH)")]
    [InlineData("m = open /dev/ptmx\nwrite m \"\\xZZ\"", "t.pty:2:10: bad string escape '\\xZZ' (use \\n \\r \\t \\0 \\\\ \\\" \\xHH)")]
    [InlineData("m = open /dev/ptmx\nwrite m \"abc", "t.pty:2:9: unterminated string (missing closing \")")]
    [InlineData("m = open /dev/ptmx => EWHAT", "t.pty:1:23: unknown errno name 'EWHAT'")]
    [InlineData("m = open /dev/ptmx => ok or EWHAT", "t.pty:1:29: unknown errno name 'EWHAT'")]
    [InlineData("m = open /dev/ptmx nonblok", "t.pty:1:20: unknown open flag 'nonblok' (nonblock, ndelay, noctty)")]
    [InlineData("m = open /dev/ptmx\nflush m FLUSHX", "t.pty:2:9: unknown flush flag 'FLUSHX' (FLUSHR, FLUSHW, FLUSHRW)")]
    [InlineData("m = open /dev/ptmx =>", "t.pty:1:22: missing expectation value after => (ok, any, EOF, a number, a string, an errno name, a POLL set or ctl STRING data STRING)")]
    [InlineData("m = open /dev/ptmx => ok or", "t.pty:1:28: missing expectation value after 'or' (ok, any, EOF, a number, a string, an errno name, a POLL set or ctl STRING data STRING)")]
    [InlineData("m = open /dev/ptmx\nread m 12x", "t.pty:2:8: bad number '12x' (expected a decimal number)")]
    [InlineData("m = open /dev/ptmx\nread m -1", "t.pty:2:8: bad number '-1' (expected a decimal number)")]
    [InlineData("m = open /dev/ptmx\nread m 99999999999", "t.pty:2:8: bad number '99999999999' (too large: at most 2147483647)")]
    [InlineData("m = open /dev/ptmx\nwrite m 12 => 2", "t.pty:2:9: expected a string, got '12'")]
    [InlineData("m = open /dev/ptmx\nwrite m \"ab\" * x", "t.pty:2:16: bad number 'x' (expected a decimal number)")]
    [InlineData("m = open /dev/ptmx\nread m", "t.pty:2:7: missing a byte count")]
    [InlineData("m = open /dev/ptmx\npoll m => POLLIN|POLLUP", "t.pty:2:18: unknown poll flag 'POLLUP' (POLLIN, POLLOUT, POLLERR, POLLHUP)")]
    [InlineData("m = open /dev/ptmx\npoll m => maybe", "t.pty:2:11: unknown expectation 'maybe' (ok, any, EOF, a number, a string, an errno name, a POLL set or ctl STRING data STRING)")]
    [InlineData("m = open /dev/ptmx\nread m 1 => EOF EOF", "t.pty:2:17: unexpected 'EOF'")]
    [InlineData("m = open dev/ptmx", "t.pty:1:10: bad path 'dev/ptmx' (expected /dev/ptmx, /dev/pts/N or pts(H))")]
    [InlineData("M = open /dev/ptmx", "t.pty:1:1: bad handle name 'M' (names are [a-z][a-z0-9_]*)")]
    [InlineData("= open /dev/ptmx", "t.pty:1:1: missing handle name before '='")]
    [InlineData("s = open /dev/ptmx &\nread s 1", "t.pty:2:6: 's' is an open started with &: 'await s' before using it")]
    [InlineData("m = open /dev/ptmx\nr = read m 1 &\nclose r", "t.pty:3:7: 'r' names a started call, not a handle")]
    [InlineData("m = open /dev/ptmx\nread m 1 &", "t.pty:2:10: a call started with & needs a name: NAME = STEP &")]
    [InlineData("m = open /dev/ptmx\nr = read m 1 & => EOF", "t.pty:2:16: a started call is checked by 'await NAME => ...', not on the & line")]
    [InlineData("m = open /dev/ptmx\nr = read m 1", "t.pty:2:1: only open binds a handle; to start a call and name it, end the line with &")]
    [InlineData("m = open /dev/ptmx\nawait m", "t.pty:2:7: 'm' is a handle, not a call started with &")]
    [InlineData("m = open /dev/ptmx\nr = read m 1 &\nawait r\nawait r", "t.pty:4:7: 'r' was already awaited")]
    [InlineData("pending r", "t.pty:1:9: unbound handle 'r' (no earlier line binds it)")]
    [InlineData("idle => ok", "t.pty:1:6: 'idle' takes no expectation")]
    [InlineData("x = idle", "t.pty:1:1: 'idle' cannot be bound to a name")]
    [InlineData("m = open /dev/ptmx\nx = await m &", "t.pty:2:11: 'm' is a handle, not a call started with &")]
    [InlineData("as uid 5", "t.pty:1:9: missing gid (as root, or as uid U gid G [zone Z] [privileged])")]
    [InlineData("as uid 5 gid 5 admin", "t.pty:1:16: unexpected 'admin' (as root, or as uid U gid G [zone Z] [privileged])")]
    [InlineData("tune pt_max 3", "t.pty:1:6: unknown tunable 'pt_max' (pt_max_pty, pt_cnt)")]
    [InlineData("m = open /dev/ptmx\nioctl m isptm", "t.pty:2:9: bad ioctl name 'isptm' (upper case, e.g. ISPTM, UNLKPT, ZONEPT)")]
    [InlineData("# only a comment\n\n", "t.pty:1:1: the spec has no steps")]
    [InlineData("sleep", "t.pty:1:6: missing a number of seconds")]
    [InlineData("sleep 0", "t.pty:1:7: bad duration '0' (must be more than 0 seconds)")]
    [InlineData("sleep 0.0", "t.pty:1:7: bad duration '0.0' (must be more than 0 seconds)")]
    [InlineData("sleep -1", "t.pty:1:7: bad duration '-1' (expected seconds as a decimal number, e.g. 15 or 0.5)")]
    [InlineData("sleep 15s", "t.pty:1:7: bad duration '15s' (expected seconds as a decimal number, e.g. 15 or 0.5)")]
    [InlineData("sleep .5", "t.pty:1:7: bad duration '.5' (expected seconds as a decimal number, e.g. 15 or 0.5)")]
    [InlineData("sleep 5.", "t.pty:1:7: bad duration '5.' (expected seconds as a decimal number, e.g. 15 or 0.5)")]
    [InlineData("sleep 1.2.3", "t.pty:1:7: bad duration '1.2.3' (expected seconds as a decimal number, e.g. 15 or 0.5)")]
    [InlineData("sleep \"15\"", "t.pty:1:7: bad duration \"15\" (expected seconds as a decimal number, e.g. 15 or 0.5)")]
    [InlineData("sleep 0.00000001", "t.pty:1:7: bad duration '0.00000001' (finer than the clock's 100 ns: at most 7 decimals)")]
    [InlineData("sleep 31536001", "t.pty:1:7: bad duration '31536001' (too long: at most 31536000 seconds)")]
    [InlineData("sleep 99999999999999999999999999999999", "t.pty:1:7: bad duration '99999999999999999999999999999999' (too long: at most 31536000 seconds)")]
    [InlineData("sleep 15 15", "t.pty:1:10: unexpected '15'")]
    [InlineData("sleep 15 => ok", "t.pty:1:10: 'sleep' takes no expectation")]
    [InlineData("x = sleep 15", "t.pty:1:1: 'sleep' cannot be bound to a name")]
    [InlineData("x = sleep 15 &", "t.pty:1:14: 'sleep' cannot be started with &")]
    [InlineData("m = open /dev/ptmx\nputmsg m", "t.pty:2:9: missing 'ctl' (ctl STRING data STRING, either part may be -)")]
    [InlineData("m = open /dev/ptmx\nputmsg m data \"x\"", "t.pty:2:10: expected 'ctl', got 'data' (ctl STRING data STRING, either part may be -)")]
    [InlineData("m = open /dev/ptmx\nputmsg m ctl \"x\"", "t.pty:2:17: missing 'data' (ctl STRING data STRING, either part may be -)")]
    [InlineData("m = open /dev/ptmx\nputmsg m ctl x data -", "t.pty:2:14: expected the control part (a string or -), got 'x'")]
    [InlineData("m = open /dev/ptmx\nputmsg m ctl - data", "t.pty:2:20: missing the data part (a string or -)")]
    [InlineData("m = open /dev/ptmx\nputmsg m ctl - data - -", "t.pty:2:23: unexpected '-'")]
    [InlineData("m = open /dev/ptmx\nputmsg m ctl - data \"ab\" * x", "t.pty:2:28: bad number 'x' (expected a decimal number)")]
    [InlineData("putmsg q ctl - data -", "t.pty:1:8: unbound handle 'q' (no earlier line binds it)")]
    [InlineData("m = open /dev/ptmx\ngetmsg m", "t.pty:2:9: missing a byte count")]
    [InlineData("m = open /dev/ptmx\ngetmsg m ctl", "t.pty:2:10: bad number 'ctl' (expected a decimal number)")]
    [InlineData("m = open /dev/ptmx\ngetmsg m 4 => ctl \"a\"", "t.pty:2:22: missing 'data' (ctl STRING data STRING, either part may be -)")]
    [InlineData("m = open /dev/ptmx\ngetmsg m 4 => ctl \"a\" dat \"b\"", "t.pty:2:23: expected 'data', got 'dat' (ctl STRING data STRING, either part may be -)")]
    [InlineData("m = open /dev/ptmx\ngetmsg m 4 => ctl - data", "t.pty:2:25: missing the data part (a string or -)")]
    [InlineData("m = open /dev/ptmx\ngetmsg m 4 => ctl 0 data -", "t.pty:2:19: expected the control part (a string or -), got '0'")]
    [InlineData("m = open /dev/ptmx\ngetmsg m 4 => data \"a\"", "t.pty:2:15: unknown expectation 'data' (ok, any, EOF, a number, a string, an errno name, a POLL set or ctl STRING data STRING)")]
    public void A_parse_error_names_its_line_and_column(string text, string error) =>
        Assert.Equal([error], SpecHarness.Errors(text));

    [Fact]
    public void Every_error_of_a_file_is_reported_in_line_order()
    {
        var errors = SpecHarness.Errors("""
            m = open /dev/ptmx
            frob m
            read q 5
            close m => EWHAT
            write m "\q"
            """);
        Assert.Equal(
        [
            "t.pty:2:1: unknown step 'frob'",
            "t.pty:3:6: unbound handle 'q' (no earlier line binds it)",
            "t.pty:4:12: unknown errno name 'EWHAT'",
            "t.pty:5:10: bad string escape '\\q' (use \\n \\r \\t \\0 \\\\ \\\" \\xHH)",
        ], errors);
    }

    [Fact]
    public void A_name_bound_on_a_broken_line_is_not_reported_again_as_unbound()
    {
        var errors = SpecHarness.Errors("m = open /dev/ptmx bogus\nclose m\ns = open \"x\n write s \"y\"");
        Assert.Equal(
        [
            "t.pty:1:20: unknown open flag 'bogus' (nonblock, ndelay, noctty)",
            "t.pty:3:10: unterminated string (missing closing \")",
        ], errors);
    }

    [Fact]
    public void A_name_is_not_bound_on_its_own_line()
    {
        Assert.Equal(["t.pty:1:14: unbound handle 's' (no earlier line binds it)"], SpecHarness.Errors("s = open pts(s)"));
    }
}
