using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// /dev/pts/0 (L8, L7.2): a root-owned mode 0620 node that no pty backs. Whoever passes the
/// node's access check (its owner root, or a privileged caller) reaches the driver and gets
/// ENXIO; everyone else is refused by the node itself with EACCES.
/// </summary>
public class PtsZeroTests
{
    [Fact]
    public void L8_and_L7_2_a_privileged_caller_who_is_not_root_reaches_the_driver_and_gets_enxio()
    {
        using var pty = new DeterministicPty();
        pty.Fails(Errno.ENXIO, pty.Posix.OpenAsync("/dev/pts/0", OpenFlags.None, new Credentials(1000, 1000, privileged: true)));
    }

    [Fact]
    public void L8_and_L7_2_root_without_privilege_owns_the_node_and_gets_enxio()
    {
        using var pty = new DeterministicPty();
        pty.Fails(Errno.ENXIO, pty.Posix.OpenAsync("/dev/pts/0", OpenFlags.None, new Credentials(0, 0)));
    }

    [Fact]
    public void L8_an_unprivileged_caller_who_is_not_root_gets_eacces()
    {
        using var pty = new DeterministicPty();
        pty.Fails(Errno.EACCES, pty.Posix.OpenAsync("/dev/pts/0", OpenFlags.None, new Credentials(1000, 1000)));
    }
}
