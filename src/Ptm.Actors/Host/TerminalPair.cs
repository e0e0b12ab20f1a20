namespace Ptm.Actors;

/// <summary>
/// A pty ready to use as a terminal, as openpty(3) leaves one: the manager, and the subsidiary
/// open with ptem and ldterm pushed (<see cref="PtySystem.OpenTerminalAsync"/>). The host plays
/// the terminal emulator on <see cref="Manager"/> and the program on <see cref="Subsidiary"/>.
/// </summary>
public sealed class TerminalPair : IAsyncDisposable
{
    internal TerminalPair(ManagerHandle manager, SubsidiaryHandle subsidiary, string name)
    {
        Manager = manager;
        Subsidiary = subsidiary;
        Name = name;
    }

    /// <summary>The manager side (/dev/ptmx): what it writes is the terminal's input.</summary>
    public ManagerHandle Manager { get; }

    /// <summary>The subsidiary side, a terminal (isatty is true, M4.4): a program's standard input and output.</summary>
    public SubsidiaryHandle Subsidiary { get; }

    /// <summary>The subsidiary's name, "/dev/pts/N" (ptsname, C4).</summary>
    public string Name { get; }

    /// <summary>
    /// Closes the subsidiary, then the manager. Each close waits for its side's queued output to
    /// drain, for at most 15 seconds (H3); flush a side first (<see cref="PtyHandle.DiscardAsync"/>)
    /// to close at once. Closing twice is harmless.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Subsidiary.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Manager.DisposeAsync().ConfigureAwait(false);
        }
    }
}
