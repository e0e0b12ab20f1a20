using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// Setting pt_max_pty and pt_cnt at run time (N1, PD2): both are int counts in ptms_conf, so a
/// value outside 0..int.MaxValue or an unknown name fails EINVAL and changes nothing.
/// </summary>
public class TunableTests
{
    [Theory]
    [InlineData("pt_max_pty", -1)]
    [InlineData("pt_max_pty", (long)int.MaxValue + 1)]
    [InlineData("pt_cnt", -1)]
    [InlineData("pt_cnt", long.MinValue)]
    public void N1_a_tunable_outside_the_int_range_fails_einval(string tunable, long value)
    {
        using var pty = new DeterministicPty();
        pty.Fails(Errno.EINVAL, pty.Posix.TuneAsync(tunable, value));
    }

    [Theory]
    [InlineData("pt_max_pty")]
    [InlineData("pt_cnt")]
    public void N1_the_largest_int_is_a_valid_tunable_value(string tunable)
    {
        using var pty = new DeterministicPty();
        pty.Ok(pty.Posix.TuneAsync(tunable, int.MaxValue));
        pty.Ok(pty.Posix.TuneAsync(tunable, 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData((long)int.MaxValue + 1)] // would wrap to a negative int, which reads as "no limit" too
    public void N1_and_PD2_a_refused_pt_max_pty_leaves_the_old_limit_in_force(long value)
    {
        using var pty = new DeterministicPty();
        pty.Ok(pty.Posix.TuneAsync("pt_max_pty", 1));
        pty.OpenManager();

        pty.Fails(Errno.EINVAL, pty.Posix.TuneAsync("pt_max_pty", value));

        pty.Fails(Errno.ENOMEM, pty.Posix.OpenManagerAsync(OpenFlags.None)); // still at most one pty (L2.6)
    }

    [Theory]
    [InlineData("pt_init_cnt")] // a real tunable, but read only at boot
    [InlineData("pt_max")]
    [InlineData("")]
    public void N1_an_unknown_tunable_fails_einval(string tunable)
    {
        using var pty = new DeterministicPty();
        pty.Fails(Errno.EINVAL, pty.Posix.TuneAsync(tunable, 1));
    }
}
