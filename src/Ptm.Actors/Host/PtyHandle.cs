using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors;

/// <summary>
/// An open side of a pty for embedding apps: async calls that throw <see cref="PtyException"/>
/// with the errno where the C call would return -1. Every blocking call takes a cancellation
/// token (a cancelled read fails EINTR; a cancelled write returns what it had written).
/// </summary>
public abstract partial class PtyHandle : IAsyncDisposable
{
    private protected PtyHandle(PtySystem system, OpenFile file, Credentials who)
    {
        System = system;
        File = file;
        Who = who;
    }

    public PtySystem System { get; }

    /// <summary>The descriptor in the system's POSIX facade.</summary>
    public int Descriptor => File.Descriptor;

    /// <summary>The pty number N (/dev/pts/N, L4).</summary>
    public int Minor => File.Minor;

    public bool IsClosed => File.Closed;

    /// <summary>Whose credentials the calls carry (PD12).</summary>
    public Credentials Who { get; }

    internal OpenFile File { get; }

    /// <summary>Reads what is there (byte-stream, D21), waiting if nothing is; 0 is end of file.</summary>
    public async Task<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        (int)(await System.Posix.Read(Descriptor, buffer, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("read");

    /// <summary>Writes, held by flow control while the pair is full (non-blocking handles get EAGAIN or a partial count).</summary>
    public async Task<int> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        (int)(await System.Posix.Write(Descriptor, data, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("write");

    /// <summary>Readiness now (POLLIN, POLLOUT, POLLERR, POLLHUP), without waiting.</summary>
    public async Task<PollEvents> PollAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (PollEvents)(await System.Posix.Poll(Descriptor, Who).ConfigureAwait(false)).ValueOrThrow("poll");
    }

    /// <summary>I_FLUSH (D4, D5, D6).</summary>
    public async Task FlushAsync(FlushFlags which) => (await System.Posix.Flush(Descriptor, which, Who).ConfigureAwait(false)).ValueOrThrow("flush");

    public async Task<int> IoctlAsync(int command, ReadOnlyMemory<byte>? payload = null, CancellationToken cancellationToken = default) =>
        (int)(await System.Posix.Ioctl(Descriptor, command, payload, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("ioctl");

    /// <summary>close(2); closing twice is harmless.</summary>
    public async ValueTask DisposeAsync()
    {
        if (File.Closed || System.IsDisposed) return;
        await System.Posix.Close(Descriptor, Who).ConfigureAwait(false);
    }
}

/// <summary>The manager side (/dev/ptmx): grantpt, unlockpt and ptsname live here.</summary>
public sealed class ManagerHandle : PtyHandle
{
    internal ManagerHandle(PtySystem system, OpenFile file, Credentials who) : base(system, file, who) { }

    /// <summary>grantpt (C6): the subsidiary node is owned by the caller's uid, group tty.</summary>
    public async Task GrantAsync() => (await System.Posix.grantpt(Descriptor, Who).ConfigureAwait(false)).ValueOrThrow("grantpt");

    /// <summary>unlockpt (C5, I2): the subsidiary can be opened from now on.</summary>
    public async Task UnlockAsync() => (await System.Posix.unlockpt(Descriptor, Who).ConfigureAwait(false)).ValueOrThrow("unlockpt");

    /// <summary>ptsname (C4): "/dev/pts/N".</summary>
    public async Task<string> PtsnameAsync()
    {
        var result = await System.Posix.ptsname(Descriptor, Who).ConfigureAwait(false);
        result.ValueOrThrow("ptsname");
        return result.Text!;
    }

    /// <summary>Grant, unlock and open the subsidiary: the usual sequence (C10) in one call.</summary>
    public async Task<SubsidiaryHandle> OpenSubsidiaryAsync(OpenFlags flags = OpenFlags.NoCtty, CancellationToken cancellationToken = default)
    {
        await GrantAsync().ConfigureAwait(false);
        await UnlockAsync().ConfigureAwait(false);
        return await System.OpenSubsidiaryAsync(await PtsnameAsync().ConfigureAwait(false), flags, Who, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The subsidiary side (/dev/pts/N).</summary>
public sealed class SubsidiaryHandle : PtyHandle
{
    internal SubsidiaryHandle(PtySystem system, OpenFile file, Credentials who) : base(system, file, who) { }
}
