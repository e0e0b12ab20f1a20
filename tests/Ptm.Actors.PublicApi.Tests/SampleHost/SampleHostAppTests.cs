namespace Ptm.Actors.PublicApi.Tests.SampleHost;

/// <summary>
/// A host app written against the public API only (this project sees no internals): it plays the
/// terminal emulator on the manager of a program it spawned, the way a new user embeds the
/// library. These are issue 15's done-when, kept as tests.
/// </summary>
public class SampleHostAppTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    /// <summary>Echo off, so the emulator reads the program's answers and not its own typing.</summary>
    private static readonly SpawnOptions Quiet = new() { Termios = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO } };

    [Fact]
    public async Task A_host_talks_to_a_line_echo_program_through_streams_and_sees_it_exit()
    {
        await using var ptys = PtySystem.Create();
        await using var program = await ptys.SpawnAsync(LineEchoProgram.RunAsync, Quiet);
        await using var terminal = program.Manager.AsStream();
        using var screen = new StreamReader(terminal);
        await using var keyboard = new StreamWriter(terminal) { AutoFlush = true, NewLine = "\n" };

        foreach (var line in new[] { "hello", "a pty on actors", "" })
        {
            await keyboard.WriteLineAsync(line);
            Assert.Equal(line.ToUpperInvariant(), await screen.ReadLineAsync().WaitAsync(Safety)); // ONLCR's \r\n ends the line
        }

        await keyboard.WriteLineAsync("exit");
        await program.Manager.HungUp.WaitAsync(Safety);          // the program returned: its subsidiary closed, EOF (L12)
        Assert.Null(await screen.ReadLineAsync().WaitAsync(Safety)); // end of stream
        Assert.Equal(0, await program.ExitCode.WaitAsync(Safety));
    }

    [Fact]
    public async Task A_host_cancels_a_blocked_read_and_the_terminal_still_works()
    {
        await using var ptys = PtySystem.Create();
        await using var program = await ptys.SpawnAsync(LineEchoProgram.RunAsync, Quiet);
        await using var terminal = program.Manager.AsStream();
        var buffer = new byte[64];

        using var giveUp = new CancellationTokenSource();
        var blocked = terminal.ReadAsync(buffer, giveUp.Token).AsTask(); // the program says nothing until it is spoken to
        await ptys.WhenIdleAsync();
        Assert.False(blocked.IsCompleted);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(Safety));

        await terminal.WriteAsync("still there\n"u8.ToArray());
        var count = await terminal.ReadAsync(buffer).AsTask().WaitAsync(Safety);
        Assert.Equal("STILL THERE\r\n", System.Text.Encoding.ASCII.GetString(buffer, 0, count));
    }

    [Fact]
    public async Task Closing_the_emulator_hangs_the_program_up_and_it_exits_as_a_hung_up_process_does()
    {
        await using var ptys = PtySystem.Create();
        var program = await ptys.SpawnAsync(LineEchoProgram.RunAsync, Quiet);
        await ptys.WhenIdleAsync();
        Assert.False(program.ExitCode.IsCompleted); // blocked reading its terminal
        await program.DisposeAsync();               // the window closed: the manager's close hangs the subsidiary up (L14)
        var exit = await program.ExitCode.WaitAsync(Safety);
        Assert.True(exit is 1 or PtyProgram.HangUpExitCode, $"exit {exit}: end of file (L15) or the hang-up's cancellation, whichever the program met first");
        Assert.Equal(0, ptys.AllocatedMinors);
    }
}
