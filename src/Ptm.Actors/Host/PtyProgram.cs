namespace Ptm.Actors;

/// <summary>
/// A program running on a pty's subsidiary (<see cref="PtySystem.SpawnAsync"/>): the host plays
/// the terminal emulator on <see cref="Manager"/> and learns how the program ended from
/// <see cref="ExitCode"/>. There is no process model: the program is a delegate on the thread
/// pool, and the hang-up that would send a process SIGHUP cancels its token instead.
/// </summary>
public sealed class PtyProgram : IAsyncDisposable
{
    /// <summary>
    /// The exit code of a program ended by the hang-up: 128 + SIGHUP (1), as a shell reports a
    /// process killed by SIGHUP.
    /// </summary>
    public const int HangUpExitCode = 129;

    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _exitTimeout;

    private PtyProgram(ManagerHandle manager, TimeSpan exitTimeout)
    {
        Manager = manager;
        Name = "/dev/pts/" + manager.Minor;
        _exitTimeout = exitTimeout;
    }

    /// <summary>
    /// The manager side: what it writes is the program's input (through ldterm on a terminal),
    /// what it reads is the program's output, then end of file (0, L13) once the program has
    /// ended. Closing it hangs the program up (L14).
    /// </summary>
    public ManagerHandle Manager { get; }

    /// <summary>The subsidiary's name, "/dev/pts/N" (ptsname, C4).</summary>
    public string Name { get; }

    /// <summary>
    /// Completes once the program has ended and its subsidiary is closed, so the manager can read
    /// all its output and then end of file. Its value is the int the program returned, or
    /// <see cref="HangUpExitCode"/> when the program ended by throwing
    /// <see cref="OperationCanceledException"/> after the hang-up cancelled its token. Any other
    /// exception the program throws faults it with that exception. Continuations run on the
    /// thread pool.
    /// </summary>
    /// <remarks>
    /// Closing the subsidiary waits, at most 15 seconds, for output still queued to reach the
    /// manager's side (H3), as a process's exit closes its descriptors; read the manager, or hang
    /// up, to end that wait sooner.
    /// </remarks>
    public Task<int> ExitCode => _exit.Task;

    /// <summary>Starts <paramref name="program"/> on the thread pool with <paramref name="subsidiary"/>.</summary>
    internal static PtyProgram Start(
        ManagerHandle manager, SubsidiaryHandle subsidiary, Func<SubsidiaryHandle, CancellationToken, Task<int>> program, TimeSpan exitTimeout)
    {
        var started = new PtyProgram(manager, exitTimeout);
        _ = Task.Run(() => started.RunAsync(subsidiary, program));
        return started;
    }

    private async Task RunAsync(SubsidiaryHandle subsidiary, Func<SubsidiaryHandle, CancellationToken, Task<int>> program)
    {
        var hangUp = HangUpToken(subsidiary);
        var code = 0;
        Exception? failure = null;
        try
        {
            code = await program(subsidiary, hangUp).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (hangUp.IsCancellationRequested)
        {
            code = HangUpExitCode;
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        await CloseQuietlyAsync(subsidiary, drain: true).ConfigureAwait(false); // L12: its output, then the EOF (L13)
        if (failure is null) _exit.TrySetResult(code);
        else _exit.TrySetException(failure);
    }

    /// <summary>
    /// The program's token: cancelled when its subsidiary is hung up (L15), and when the
    /// PtySystem is disposed (the disposal's closes end the subsidiary's HungUp, cancelled).
    /// Closing the subsidiary, by the program or after it, cancels nothing.
    /// </summary>
    private static CancellationToken HangUpToken(SubsidiaryHandle subsidiary)
    {
        // Not disposed: it has no timer, and the hang-up may come after the program has ended.
        var source = new CancellationTokenSource();
        subsidiary.HungUp.ContinueWith(
            static (hungUp, state) =>
            {
                var (source, system) = ((CancellationTokenSource, PtySystem))state!;
                if (hungUp.IsCompletedSuccessfully || system.IsDisposing) source.Cancel();
            },
            (source, subsidiary.System), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return source.Token;
    }

    /// <summary>
    /// Hangs the program up and waits for it to end. The manager is closed without waiting for
    /// its queued output to drain: what the host wrote and the program has not read yet is
    /// discarded (L14), as when a terminal emulator's window closes. The subsidiary is hung up
    /// (L15), which cancels the program's token; this then waits for <see cref="ExitCode"/>, at
    /// most <see cref="SpawnOptions.ExitTimeout"/>. A program that ignores its token may still be
    /// running after that, on a hung-up terminal. Never throws, whatever the program did.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await CloseQuietlyAsync(Manager, drain: false).ConfigureAwait(false);
        try
        {
            await ExitCode.WaitAsync(_exitTimeout).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The program's own failure stays on ExitCode; a timeout leaves it running.
        }
    }

    private static async Task CloseQuietlyAsync(PtyHandle handle, bool drain)
    {
        if (handle.IsClosed || handle.System.IsDisposed) return;
        try
        {
            await handle.Close(handle.Who, drain, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The PtySystem was disposed meanwhile: it closed everything itself.
        }
    }
}
