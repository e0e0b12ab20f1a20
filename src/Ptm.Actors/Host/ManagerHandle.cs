using Ptm.Actors.Pty;

namespace Ptm.Actors;

/// <summary>The manager side (/dev/ptmx): the terminal emulator's end, where grantpt, unlockpt and ptsname are called.</summary>
public sealed class ManagerHandle : PtyHandle
{
    internal ManagerHandle(PtySystem system, OpenFile file, Credentials who) : base(system, file, who) { }

    /// <summary>grantpt(3C) (C6): the subsidiary node becomes the caller's, group tty, mode 0620.</summary>
    /// <exception cref="PtyException">EACCES or EPERM when the credentials may not (PD12).</exception>
    public async Task GrantAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (await Grant(Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("grantpt", cancellationToken);
    }

    /// <summary>unlockpt(3C) (C5, I2): the subsidiary can be opened from now on.</summary>
    public async Task UnlockAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (await Ioctl(IoctlCommands.UNLKPT, ReadOnlyMemory<byte>.Empty, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("unlockpt", cancellationToken);
    }

    /// <summary>ptsname(3C) (C4): the subsidiary's name, "/dev/pts/N".</summary>
    public async Task<string> GetSubsidiaryNameAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Ptsname(PosixApi.PtsnameBufferLength, Who, cancellationToken).ConfigureAwait(false);
        result.ValueOrThrow("ptsname", cancellationToken);
        return result.Text!;
    }

    /// <summary>
    /// Grants, unlocks and opens the subsidiary: the usual sequence (C10) in one call, with the
    /// handle's credentials. <paramref name="flags"/> default to <see cref="OpenFlags.NoCtty"/>, as
    /// for every open of the handle API.
    /// </summary>
    public async Task<SubsidiaryHandle> OpenSubsidiaryAsync(OpenFlags flags = OpenFlags.NoCtty, CancellationToken cancellationToken = default)
    {
        await GrantAsync(cancellationToken).ConfigureAwait(false);
        await UnlockAsync(cancellationToken).ConfigureAwait(false);
        var name = await GetSubsidiaryNameAsync(cancellationToken).ConfigureAwait(false);
        return await System.OpenSubsidiaryAsync(name, flags, Who, cancellationToken).ConfigureAwait(false);
    }
}
