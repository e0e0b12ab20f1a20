namespace Ptm.Actors;

/// <summary>A pty call failed; <see cref="Errno"/> says why, as the C call would.</summary>
public sealed class PtyException(Errno errno, string operation)
    : IOException($"{operation} failed: {errno} ({Describe(errno)})")
{
    public Errno Errno { get; } = errno;

    public string Operation { get; } = operation;

    private static string Describe(Errno errno) => errno switch
    {
        Errno.EAGAIN => "resource temporarily unavailable",
        Errno.EBADF => "bad file descriptor",
        Errno.EINVAL => "invalid argument",
        Errno.EIO => "I/O error",
        Errno.ENOENT => "no such file or directory",
        Errno.ENXIO => "no such device or address",
        Errno.EACCES => "permission denied",
        Errno.EPERM => "not permitted",
        Errno.ENOMEM => "out of pseudo-terminals",
        Errno.EEXIST => "already set",
        Errno.ERANGE => "buffer too small",
        _ => errno.ToString(),
    };
}
