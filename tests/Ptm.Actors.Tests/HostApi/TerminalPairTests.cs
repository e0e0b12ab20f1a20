using System.Text;

namespace Ptm.Actors.Tests.HostApi;

/// <summary>OpenTerminalAsync, the openpty(3) of the handle API, and what a TerminalPair's disposal does.</summary>
public class TerminalPairTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task M4_2_an_opened_terminal_has_ptem_and_ldterm_on_an_open_subsidiary()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        Assert.Equal("/dev/pts/1", terminal.Name);
        Assert.Equal(terminal.Name, await terminal.Manager.GetSubsidiaryNameAsync());
        Assert.Equal(1, terminal.Subsidiary.Minor);
        Assert.Equal(["ldterm", "ptem"], await terminal.Subsidiary.ListModulesAsync());
        Assert.True(await terminal.Subsidiary.IsTerminalAsync());
    }

    [Fact]
    public async Task M1_the_subsidiary_reads_a_cooked_line_and_the_manager_its_echo()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        await terminal.Manager.WriteAsync("lx\x7fs\r"u8.ToArray()); // DEL erases (ERASE), CR becomes NL (ICRNL)
        Assert.Equal("ls\n", await ReadTextAsync(terminal.Subsidiary, 3));
        Assert.Equal("lx\b \bs\r\n", await ReadTextAsync(terminal.Manager, 8)); // ECHOE, then ONLCR on the echoed NL
    }

    [Fact]
    public async Task M3_5_the_initial_modes_and_size_are_applied_and_the_setup_sigwinch_dropped()
    {
        await using var system = PtySystem.Create();
        var quiet = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO };
        await using var terminal = await system.OpenTerminalAsync(quiet, new WindowSize(24, 80));
        Assert.Equal(quiet, await terminal.Subsidiary.GetTermiosAsync());
        Assert.Equal(new WindowSize(24, 80), await terminal.Manager.GetWindowSizeAsync());
        Assert.Empty((await system.Posix.TakeSignalsAsync(terminal.Subsidiary.Descriptor)).Signals);
    }

    [Fact]
    public async Task PD2_out_of_ptys_the_open_fails_enomem_and_leaves_nothing_allocated()
    {
        await using var system = PtySystem.Create(new PtySystemOptions { MaxPtys = 1 });
        await using var first = await system.OpenTerminalAsync();
        var refused = await Assert.ThrowsAsync<PtyException>(() => system.OpenTerminalAsync());
        Assert.Equal(Errno.ENOMEM, refused.Errno);
        await system.WhenIdleAsync();
        Assert.Equal(1, system.AllocatedMinors);
    }

    [Fact]
    public async Task L16_disposing_the_pair_closes_both_sides_and_frees_the_minor()
    {
        await using var system = PtySystem.Create();
        var terminal = await system.OpenTerminalAsync();
        await terminal.DisposeAsync().AsTask().WaitAsync(Safety);
        await terminal.DisposeAsync(); // twice is harmless
        Assert.True(terminal.Manager.IsClosed && terminal.Subsidiary.IsClosed);
        await system.WhenIdleAsync();
        Assert.Equal(0, system.AllocatedMinors);
    }

    private static async Task<string> ReadTextAsync(PtyHandle handle, int count)
    {
        var text = new StringBuilder();
        var buffer = new byte[64];
        while (text.Length < count)
        {
            var n = await handle.ReadAsync(buffer).WaitAsync(Safety);
            if (n == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return text.ToString();
    }
}
