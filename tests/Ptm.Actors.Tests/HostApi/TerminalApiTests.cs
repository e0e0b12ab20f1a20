namespace Ptm.Actors.Tests.HostApi;

/// <summary>The terminal calls of the handle API: termios, window size, modules and isatty, on the ordinary dispatcher.</summary>
public class TerminalApiTests
{
    [Fact]
    public async Task M4_3_a_new_terminal_reports_illumos_default_modes()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        var termios = await terminal.Subsidiary.GetTermiosAsync();
        Assert.Equal(Termios.Default, termios);
        Assert.True(termios.IsCanonical);
        Assert.Equal(9600, BaudRates.ToRate(termios.Speed));
    }

    [Fact]
    public async Task M3_2_modes_set_as_a_termios_record_read_back_the_same()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        var raw = Termios.Default with { Local = Termios.Default.Local & ~(LocalModes.ICANON | LocalModes.ECHO) };
        raw = raw.With(ControlChar.VMIN, 1).With(ControlChar.VTIME, 0);
        await terminal.Subsidiary.SetTermiosAsync(raw);
        Assert.Equal(raw, await terminal.Subsidiary.GetTermiosAsync());
        await terminal.Subsidiary.SetTermiosAsync(Termios.Default, TerminalChange.Drain);
        Assert.Equal(Termios.Default, await terminal.Subsidiary.GetTermiosAsync());
        await terminal.Subsidiary.SetTermiosAsync(raw, TerminalChange.Flush);
        Assert.Equal(raw, await terminal.Subsidiary.GetTermiosAsync());
    }

    [Fact]
    public async Task M3_2_a_bare_subsidiary_has_no_termios()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        var failure = await Assert.ThrowsAsync<PtyException>(() => subsidiary.GetTermiosAsync());
        Assert.Equal("tcgetattr", failure.Operation);
    }

    [Fact]
    public async Task M3_8_a_resize_from_the_manager_is_the_size_the_subsidiary_reads()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        Assert.Equal(new WindowSize(0, 0), await terminal.Subsidiary.GetWindowSizeAsync()); // ptem starts at 0 by 0
        await terminal.Manager.ResizeAsync(24, 80);
        Assert.Equal(new WindowSize(24, 80), await terminal.Subsidiary.GetWindowSizeAsync());
        await terminal.Subsidiary.ResizeAsync(new WindowSize(50, 132, 1056, 800));
        Assert.Equal(new WindowSize(50, 132, 1056, 800), await terminal.Manager.GetWindowSizeAsync());
    }

    [Fact]
    public async Task A_resize_beyond_what_struct_winsize_holds_is_refused_before_any_call()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => manager.ResizeAsync(-1, 80));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => manager.ResizeAsync(24, 65536));
    }

    [Fact]
    public async Task M4_2_modules_list_topmost_first_and_pop_from_the_top()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        var subsidiary = terminal.Subsidiary;
        Assert.Equal(["ldterm", "ptem"], await subsidiary.ListModulesAsync());
        await subsidiary.PushAsync("ttcompat");
        Assert.Equal(["ttcompat", "ldterm", "ptem"], await subsidiary.ListModulesAsync());
        await subsidiary.PopAsync();
        await subsidiary.PopAsync();
        Assert.Equal(["ptem"], await subsidiary.ListModulesAsync());
        await subsidiary.PopAsync();
        Assert.Empty(await subsidiary.ListModulesAsync());
        Assert.Equal(Errno.EINVAL, (await Assert.ThrowsAsync<PtyException>(() => subsidiary.PopAsync())).Errno);
    }

    [Fact]
    public async Task M4_2_an_unknown_module_name_fails_einval()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        var failure = await Assert.ThrowsAsync<PtyException>(() => terminal.Subsidiary.PushAsync("nosuch"));
        Assert.Equal(Errno.EINVAL, failure.Errno);
        Assert.Equal("I_PUSH", failure.Operation);
        Assert.Equal(["ldterm", "ptem"], await terminal.Subsidiary.ListModulesAsync());
    }

    [Fact]
    public async Task M4_4_only_a_subsidiary_with_modules_is_a_terminal()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        var subsidiary = await manager.OpenSubsidiaryAsync();
        Assert.False(await subsidiary.IsTerminalAsync()); // L20: bare
        Assert.False(await manager.IsTerminalAsync()); // L19: illumos, unlike Linux
        await subsidiary.PushAsync("ptem");
        Assert.True(await subsidiary.IsTerminalAsync());
        Assert.False(await manager.IsTerminalAsync());
        await subsidiary.DisposeAsync();
        Assert.False(await subsidiary.IsTerminalAsync());
    }
}
