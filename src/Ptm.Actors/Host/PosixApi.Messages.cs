namespace Ptm.Actors;

/// <summary>putmsg(2) and getmsg(2): messages with a control part (M_PROTO) as well as plain data (H7).</summary>
public sealed partial class PosixApi
{
    /// <summary>putmsg(2): an M_PROTO when <paramref name="control"/> is given, else an M_DATA; both null sends nothing. Value 0 on success.</summary>
    public Task<SysResult> PutMessageAsync(int fd, ReadOnlyMemory<byte>? control, ReadOnlyMemory<byte>? data, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.Putmsg(control, data, who ?? Credentials.Root, cancellationToken) : BadDescriptor;

    /// <summary>getmsg(2) with control and data buffers of the given sizes: takes the first message queued at the stream head.</summary>
    public Task<GetmsgResult> GetMessageAsync(int fd, int controlLength, int dataLength, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        if (controlLength < 0 || dataLength < 0) return Task.FromResult(new GetmsgResult(_system.Refuse(Errno.EINVAL), null, null));
        return Usable(fd) is { } handle
            ? handle.Getmsg(controlLength, dataLength, who ?? Credentials.Root, cancellationToken)
            : Task.FromResult(new GetmsgResult(_system.Refuse(Errno.EBADF), null, null));
    }
}
