namespace Ptm.Actors;

/// <summary>
/// A pty call failed as the C call would, returning -1: <see cref="Errno"/> says why. The message
/// reads as a sentence, e.g. "read failed: interrupted (EINTR)". An <see cref="IOException"/>, so
/// stream code that handles I/O errors handles these too.
/// </summary>
/// <param name="errno">Why the call failed.</param>
/// <param name="operation">The call that failed ("read", "open /dev/pts/3", "I_PUSH").</param>
public sealed class PtyException(Errno errno, string operation)
    : IOException($"{operation} failed: {Describe(errno)} ({errno})")
{
    /// <summary>Why the call failed.</summary>
    public Errno Errno { get; } = errno;

    /// <summary>The call that failed ("read", "open /dev/pts/3", "I_PUSH").</summary>
    public string Operation { get; } = operation;

    /// <summary>What <paramref name="errno"/> means, in a few words, as strerror(3C) would say it.</summary>
    public static string Describe(Errno errno) => errno switch
    {
        Errno.None => "no error",
        Errno.EPERM => "not permitted",
        Errno.ENOENT => "no such file or directory",
        Errno.EINTR => "interrupted",
        Errno.EIO => "I/O error",
        Errno.ENXIO => "no such device or address",
        Errno.EBADF => "bad file descriptor",
        Errno.EAGAIN => "resource temporarily unavailable",
        Errno.ENOMEM => "out of pseudo-terminals",
        Errno.EACCES => "permission denied",
        Errno.EEXIST => "already set",
        Errno.EINVAL => "invalid argument",
        Errno.ENFILE => "file table overflow",
        Errno.EMFILE => "too many open files",
        Errno.ENOTTY => "not a terminal",
        Errno.ENOSPC => "no space left on device",
        Errno.EROFS => "read-only file system",
        Errno.EPIPE => "broken pipe",
        Errno.ERANGE => "buffer too small",
        Errno.ENOSYS => "not supported",
        Errno.ETIME => "timer expired",
        Errno.EBADMSG => "not a data message",
        _ => "error " + (int)errno,
    };
}
