using System.Text;

namespace Ptm.Actors.Tests.HostApi;

/// <summary>
/// PtySystem.SpawnAsync: a program on the subsidiary, the host as the terminal emulator on the
/// manager. The manager reads the program's output then end of file (L12, L13); the hang-up
/// (L14, L15) cancels the program's token; ExitCode says how it ended.
/// </summary>
public class SpawnTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task The_manager_reads_the_programs_output_through_onlcr_then_end_of_file_and_the_exit_code_is_what_it_returned()
    {
        await using var system = PtySystem.Create();
        await using var program = await system.SpawnAsync(async (tty, hangUp) =>
        {
            await tty.WriteAsync("hello\n"u8.ToArray(), hangUp);
            return 3;
        });
        Assert.Matches(@"^/dev/pts/\d+$", program.Name);
        Assert.Equal("hello\r\n", await ReadToEndAsync(program.Manager)); // ldterm's ONLCR, then the 0 of L13
        Assert.Equal(3, await program.ExitCode.WaitAsync(Safety));
        await program.Manager.HungUp.WaitAsync(Safety); // the subsidiary's end of file has arrived
    }

    [Fact]
    public async Task L15_a_program_blocked_in_ReadAsync_is_ended_by_the_managers_close_with_129()
    {
        await using var system = PtySystem.Create();
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var program = await system.SpawnAsync(async (tty, hangUp) =>
        {
            var buffer = new byte[64];
            reading.TrySetResult();
            while (true) await tty.ReadAsync(buffer, hangUp); // after the hang-up reads return 0 (L15) until the token stops it
        });
        await reading.Task.WaitAsync(Safety);
        await system.WhenIdleAsync().WaitAsync(Safety);
        Assert.False(program.ExitCode.IsCompleted);
        await program.Manager.CloseAsync(); // L14: the subsidiary is hung up
        Assert.Equal(PtyProgram.HangUpExitCode, await program.ExitCode.WaitAsync(Safety));
        Assert.Equal(0, system.AllocatedMinors); // the program's subsidiary was closed after it (L16)
    }

    [Fact]
    public async Task Disposing_the_program_hangs_it_up_and_waits_for_it_to_end()
    {
        await using var system = PtySystem.Create();
        var program = await system.SpawnAsync(async (_, hangUp) =>
        {
            await Task.Delay(Timeout.Infinite, hangUp);
            return 0;
        });
        await program.DisposeAsync().AsTask().WaitAsync(Safety);
        Assert.True(program.ExitCode.IsCompleted);
        Assert.Equal(PtyProgram.HangUpExitCode, await program.ExitCode);
        Assert.True(program.Manager.IsClosed);
    }

    [Fact]
    public async Task A_program_that_throws_faults_ExitCode_and_the_manager_still_reads_its_output_then_end_of_file()
    {
        await using var system = PtySystem.Create();
        await using var program = await system.SpawnAsync(async (tty, hangUp) =>
        {
            await tty.WriteAsync("partial"u8.ToArray(), hangUp);
            throw new InvalidOperationException("the program failed");
        });
        Assert.Equal("partial", await ReadToEndAsync(program.Manager));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => program.ExitCode.WaitAsync(Safety));
        Assert.Equal("the program failed", failure.Message);
    }

    [Fact]
    public async Task A_line_echo_program_is_driven_from_the_manager_and_ends_at_the_eof_character()
    {
        await using var system = PtySystem.Create();
        var quiet = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO }; // only the program's echo comes back
        await using var program = await system.SpawnAsync(EchoLinesAsync, new SpawnOptions { Termios = quiet, WindowSize = new WindowSize(24, 80) });
        var manager = program.Manager;
        foreach (var line in new[] { "hello", "world" })
        {
            await manager.WriteAsync(Encoding.ASCII.GetBytes(line + "\r")); // typed: CR ends the line (ICRNL)
            Assert.Equal(line + "\r\n", await ReadLineAsync(manager));
        }
        await manager.WriteAsync("\x04"u8.ToArray()); // VEOF at the start of a line: the program reads 0
        Assert.Equal(0, await program.ExitCode.WaitAsync(Safety));
        Assert.Equal("", await ReadToEndAsync(manager));

        static async Task<int> EchoLinesAsync(SubsidiaryHandle tty, CancellationToken hangUp)
        {
            var line = new byte[256];
            int count;
            while ((count = await tty.ReadAsync(line, hangUp)) > 0) await tty.WriteAsync(line.AsMemory(0, count), hangUp);
            return 0;
        }
    }

    [Fact]
    public async Task L20_a_bare_subsidiary_is_a_byte_pipe_that_is_not_a_terminal()
    {
        await using var system = PtySystem.Create();
        await using var program = await system.SpawnAsync(async (tty, hangUp) =>
        {
            var isTerminal = await tty.IsTerminalAsync(hangUp);
            await tty.WriteAsync("raw\n"u8.ToArray(), hangUp);
            return isTerminal ? 1 : 0;
        }, new SpawnOptions { Terminal = false });
        Assert.Equal("raw\n", await ReadToEndAsync(program.Manager)); // no ONLCR without ldterm
        Assert.Equal(0, await program.ExitCode.WaitAsync(Safety));
    }

    [Fact]
    public async Task Terminal_settings_without_a_terminal_are_refused()
    {
        await using var system = PtySystem.Create();
        await Assert.ThrowsAsync<ArgumentException>(() => system.SpawnAsync((_, _) => Task.FromResult(0), new SpawnOptions { Terminal = false, WindowSize = new WindowSize(24, 80) }));
        Assert.Equal(0, system.AllocatedMinors);
    }

    [Fact]
    public async Task A_cancelled_spawn_starts_nothing_and_leaves_nothing_open()
    {
        await using var system = PtySystem.Create();
        var started = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => system.SpawnAsync((_, _) =>
        {
            started = true;
            return Task.FromResult(0);
        }, cancellationToken: new CancellationToken(canceled: true)));
        await system.WhenIdleAsync().WaitAsync(Safety);
        Assert.False(started);
        Assert.Equal(0, system.AllocatedMinors);
    }

    [Fact]
    public async Task Disposing_the_system_cancels_a_running_programs_token()
    {
        var system = PtySystem.Create();
        var program = await system.SpawnAsync(async (_, hangUp) =>
        {
            await Task.Delay(Timeout.Infinite, hangUp);
            return 0;
        });
        await system.DisposeAsync();
        Assert.Equal(PtyProgram.HangUpExitCode, await program.ExitCode.WaitAsync(Safety));
    }

    /// <summary>Everything the manager reads until end of file (0).</summary>
    private static async Task<string> ReadToEndAsync(ManagerHandle manager)
    {
        using var timeout = new CancellationTokenSource(Safety);
        var text = new StringBuilder();
        var buffer = new byte[256];
        int count;
        while ((count = await manager.ReadAsync(buffer, timeout.Token)) > 0) text.Append(Encoding.ASCII.GetString(buffer, 0, count));
        return text.ToString();
    }

    /// <summary>What the manager reads up to and including a newline.</summary>
    private static async Task<string> ReadLineAsync(ManagerHandle manager)
    {
        using var timeout = new CancellationTokenSource(Safety);
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!text.ToString().EndsWith('\n'))
        {
            var count = await manager.ReadAsync(buffer, timeout.Token);
            Assert.NotEqual(0, count);
            text.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }
        return text.ToString();
    }
}
