namespace Ptm.Actors.Tests.HostApi;

/// <summary>The README's "A terminal session" snippet, line for line, with what its comments claim checked.</summary>
public class TerminalReadmeTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task The_readme_terminal_session_reads_a_cooked_line_and_sees_sigwinch()
    {
        var seen = new List<Signal>();
        WindowSize? seenSize = null;
        await RunWithin(Safety, async () =>
        {
            // From the README, unchanged:
            await using var ptys = PtySystem.Create();
            var quiet = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO };  // modes as a record
            await using var terminal = await ptys.OpenTerminalAsync(quiet, new WindowSize(24, 80));
            var program = terminal.Subsidiary;                       // isatty is true here (M4.4), false on the manager

            await terminal.Manager.WriteAsync("lx\x7fs -l\r"u8.ToArray()); // typed: DEL erases the x, CR ends the line
            var line = new byte[256];
            var count = await program.ReadAsync(line);               // 6: "ls -l\n", one cooked line (ICANON, ICRNL)

            await terminal.Manager.ResizeAsync(50, 132);             // the emulator's window grew: TIOCSWINSZ, through ptem
            await foreach (var signal in program.SignalsAsync())     // SIGWINCH, recorded by the subsidiary's stream head (M4.5)
            {
                var size = await program.GetWindowSizeAsync();       // 50 rows, 132 columns
                // End of the README's code.
                seen.Add(signal);
                seenSize = size;
                break;
            }

            Assert.True(await program.IsTerminalAsync());
            Assert.False(await terminal.Manager.IsTerminalAsync());
            Assert.Equal("ls -l\n"u8.ToArray(), line[..count]);
        });
        Assert.Equal([Signal.SIGWINCH], seen);
        Assert.Equal(new WindowSize(50, 132), seenSize);
    }

    [Fact]
    public async Task The_readme_event_form_reports_the_same_signal()
    {
        await using var ptys = PtySystem.Create();
        await using var terminal = await ptys.OpenTerminalAsync();
        var program = terminal.Subsidiary;
        var received = new TaskCompletionSource<Signal>(TaskCreationOptions.RunContinuationsAsynchronously);
        program.SignalReceived += (_, e) => received.TrySetResult(e.Signal);
        await terminal.Manager.ResizeAsync(50, 132);
        Assert.Equal(Signal.SIGWINCH, await received.Task.WaitAsync(Safety));
    }

    /// <summary>The snippet has no timeout of its own; a hang fails the test instead of stalling the run.</summary>
    private static Task RunWithin(TimeSpan limit, Func<Task> body) => body().WaitAsync(limit);
}
