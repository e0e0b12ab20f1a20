using Ptm.Actors.Specs.Fakes;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>`readn H COUNT`: repeated reads until COUNT bytes, end of file, or an error.</summary>
public class ReadAllTests
{
    [Fact]
    public async Task Readn_gathers_the_bytes_of_several_reads()
    {
        var target = new FakePtyTarget { MaxBytesPerRead = 3 };
        await PassesAsync(OpenPair + "\nwrite m \"abcdefghij\"\nreadn s 8 => \"abcdefgh\"\nread s 10 => \"ij\"", target);
        Assert.Equal(["read 4 8", "read 4 5", "read 4 2", "read 4 10"], target.Calls.Where(c => c.StartsWith("read 4 ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Readn_stops_short_at_end_of_file()
    {
        await PassesAsync(OpenPair + "\nwrite m \"abc\"\nclose m\nreadn s 10 => \"abc\"\nreadn s 10 => EOF",
            new FakePtyTarget { MaxBytesPerRead = 2 });
    }

    [Fact]
    public async Task Readn_reports_the_errno_of_a_failing_first_read()
    {
        await PassesAsync(OpenPair + "\ncrash s\nreadn s 10 => EIO");
    }

    [Fact]
    public async Task Readn_on_a_blocking_handle_without_enough_data_is_blocked()
    {
        await FailsAsync(OpenPair + "\nwrite m \"abc\"\nreadn s 10 => any", 6, "blocked: the call is still incomplete once the system is idle");
    }

    [Fact]
    public async Task Readn_on_a_nonblocking_handle_retries_eagain_once_idle_and_is_blocked_without_progress()
    {
        var target = new FakePtyTarget();
        await FailsAsync("""
            m = open /dev/ptmx
            unlockpt m
            s = open pts(m) nonblock
            readn s 4 => any
            """, 4, "blocked: the call is still incomplete once the system is idle", target);
        Assert.Equal(2, target.Calls.Count(c => c.StartsWith("read ", StringComparison.Ordinal))); // the read and one retry
    }

    [Fact]
    public async Task A_started_readn_keeps_reading_as_later_steps_bring_data()
    {
        var target = new FakePtyTarget { MaxBytesPerRead = 2 };
        await PassesAsync("""
            m = open /dev/ptmx
            unlockpt m
            s = open pts(m) ndelay
            r = readn s 6 &
            pending r
            write m "abc"
            pending r
            idle
            write m "def" => 3
            await r => "abcdef"
            """, target);
    }

    [Fact]
    public async Task A_started_readn_on_a_blocking_handle_completes_when_the_data_is_complete()
    {
        await PassesAsync(OpenPair + "\nr = readn s 4 &\nwrite m \"ab\"\npending r\nwrite m \"cdef\"\nawait r => \"abcd\"\nread s 9 => \"ef\"");
    }

    [Fact]
    public async Task Readn_of_zero_bytes_returns_at_once()
    {
        var target = new FakePtyTarget();
        await PassesAsync(OpenPair + "\nreadn s 0 => EOF", target);
        Assert.DoesNotContain(target.Calls, c => c.StartsWith("read ", StringComparison.Ordinal));
    }
}
