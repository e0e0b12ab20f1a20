namespace Ptm.Actors;

// Running a program on a pty, the way a terminal emulator starts a shell: no process model, the
// program is a delegate given the subsidiary.
public sealed partial class PtySystem
{
    /// <summary>
    /// Opens a pty and runs <paramref name="program"/> on its subsidiary, on the thread pool. By
    /// default the subsidiary is a terminal, set up as <see cref="OpenTerminalAsync"/> does
    /// (<see cref="SpawnOptions"/>). The returned <see cref="PtyProgram"/> holds the manager, the
    /// terminal emulator's end, and the exit code.
    /// <list type="bullet">
    /// <item>The program's <see cref="CancellationToken"/> is cancelled when its subsidiary is hung
    /// up: the manager closed or crashed (L14, L15, PD13), or the PtySystem is disposed. A call the
    /// program has blocked at that moment may see the hang-up itself first (a read returns 0, L15;
    /// a write fails EIO).</item>
    /// <item>When the program returns or throws, its subsidiary is closed (if it did not close it
    /// itself): the manager reads the program's output, then end of file (L12, L13).</item>
    /// <item><see cref="PtyProgram.ExitCode"/> is the int the program returned;
    /// <see cref="PtyProgram.HangUpExitCode"/> (129) when it ended with
    /// <see cref="OperationCanceledException"/> after the hang-up; faulted with any other exception
    /// it threw.</item>
    /// </list>
    /// </summary>
    /// <param name="program">The program: its end of the pty, and its hang-up token; returns its exit code.</param>
    /// <param name="options">How to set the pty up; <see cref="SpawnOptions.Default"/> if null.</param>
    /// <param name="cancellationToken">
    /// Cancels the set-up only (what was opened is closed again, and the program never starts). It
    /// does not reach the program: a host ends a program by hanging it up
    /// (<see cref="PtyProgram.DisposeAsync"/>, or closing <see cref="PtyProgram.Manager"/>).
    /// </param>
    /// <exception cref="PtyException">A set-up step failed (ENOMEM when out of ptys, PD2); nothing stays open.</exception>
    /// <exception cref="ArgumentException"><see cref="SpawnOptions.Termios"/> or <see cref="SpawnOptions.WindowSize"/> without a terminal, or a negative <see cref="SpawnOptions.ExitTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled during the set-up.</exception>
    public async Task<PtyProgram> SpawnAsync(
        Func<SubsidiaryHandle, CancellationToken, Task<int>> program, SpawnOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= SpawnOptions.Default;
        options.Validate(nameof(options));
        var (manager, subsidiary) = await OpenPairAsync(options.Terminal, options.Termios, options.WindowSize, options.Who, cancellationToken).ConfigureAwait(false);
        return PtyProgram.Start(manager, subsidiary, program, options.ExitTimeout);
    }
}
