using Ptm.Actors.Pty;

namespace Ptm.Actors;

/// <summary>putmsg(2) and getmsg(2): messages with a control part (M_PROTO) as well as plain data (H7).</summary>
public sealed partial class PosixApi
{
    /// <summary>putmsg(2): an M_PROTO when <paramref name="control"/> is given, else an M_DATA; both null sends nothing. Value 0 on success.</summary>
    public Task<SysResult> Putmsg(int fd, ReadOnlyMemory<byte>? control, ReadOnlyMemory<byte>? data, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } file
            ? SendTo(file, new PutmsgRequest(who ?? Credentials.Root, file, control, data), cancellationToken)
            : Failed(Errno.EBADF);

    /// <summary>getmsg(2) with control and data buffers of the given sizes: takes the first message queued at the stream head.</summary>
    public Task<GetmsgResult> Getmsg(int fd, int controlLength, int dataLength, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        if (controlLength < 0 || dataLength < 0) return Task.FromResult(new GetmsgResult(SysResult.Fail(Errno.EINVAL), null, null));
        if (Usable(fd) is not { } file) return Task.FromResult(new GetmsgResult(SysResult.Fail(Errno.EBADF), null, null));
        var request = new GetmsgRequest(who ?? Credentials.Root, file, controlLength, dataLength);
        return SendThen(file, request, result => new GetmsgResult(result, request.Control, request.Data), cancellationToken);
    }
}
