using Ptm.Actors.Tests.Diagnostics;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Clone;

/// <summary>L2.6, N3, PD2: an open of /dev/ptmx the admission rule refuses leaves nothing behind.</summary>
public class ManagerAdmissionTests
{
    [Fact]
    public void PD2_a_refused_manager_open_allocates_no_minor_and_starts_no_manager()
    {
        using var pty = new DeterministicPty();
        using var metrics = new MeterRecorder(pty.System.Name);
        pty.Ok(pty.Posix.TuneAsync("pt_max_pty", 1));
        var manager = pty.OpenManager();

        pty.Fails(Errno.ENOMEM, pty.Posix.OpenManagerAsync(OpenFlags.None));

        Assert.Equal(1, pty.System.AllocatedMinors);
        Assert.Equal(1, metrics.Value("ptm.opens", "ptm.side=manager")); // ptm.opens counts successful opens only
        pty.CloseAllAndCheckClean(manager); // L16: nothing of the refused open keeps a minor
    }
}
