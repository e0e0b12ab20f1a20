namespace Ptm.Actors;

/// <summary>
/// The errno values the pty subsystem reports (numbered as on Linux, where the simulation runs).
/// Each member says what it means and when the subsystem returns it, with the rule (section 3.3
/// of the rule book has the whole table).
/// </summary>
public enum Errno
{
    /// <summary>No error: the call succeeded.</summary>
    None = 0,
    /// <summary>Not permitted: ZONEPT without privilege (I4), or opening /dev/pts/N from a zone other than the pty's (L7.3).</summary>
    EPERM = 1,
    /// <summary>No such file or directory: /dev/pts/N is not allocated or belongs to another zone (L8), or the path is no pty path.</summary>
    ENOENT = 2,
    /// <summary>Interrupted: the call was cancelled before it did anything; the handle API turns it into <see cref="OperationCanceledException"/>.</summary>
    EINTR = 4,
    /// <summary>I/O error: a write on a hung-up subsidiary (L15), or a call pending on a side that closed or crashed (PD13).</summary>
    EIO = 5,
    /// <summary>No such device or address: /dev/pts/0 (L7.2, L8), or an ioctl, I_FLUSH or putmsg on a hung-up stream (H2, L15, PD6).</summary>
    ENXIO = 6,
    /// <summary>Bad file descriptor: the descriptor or handle is not open (C2, C3, C5, C6).</summary>
    EBADF = 9,
    /// <summary>
    /// Try again: a non-blocking read with nothing queued or write held by flow control (D19, PD7); a
    /// subsidiary open while locked or once the manager is closing (L6, L7.5, PD3); TIOCSTI with the input side full (M3.5).
    /// </summary>
    EAGAIN = 11,
    /// <summary>Out of memory, which for /dev/ptmx means out of ptys: the pty limit is reached (L2.6, N3, PD2).</summary>
    ENOMEM = 12,
    /// <summary>Permission denied: a non-owner opens /dev/pts/N (mode 0620, L8), or grantpt's OWNERPT failed (C6).</summary>
    EACCES = 13,
    /// <summary>Already exists: PTSSTTY a second time on the subsidiary (I3).</summary>
    EEXIST = 17,
    /// <summary>
    /// Invalid argument: an ioctl nobody on the path handles (D2, D7, D8, M3.7), a bad ioctl payload
    /// (I4, I5, I8), the manager's sticky write error after writing with no subsidiary (D9, PD4),
    /// I_PUSH of an unknown module or I_POP of none (M4.2), ptsname on a subsidiary (C3).
    /// </summary>
    EINVAL = 22,
    /// <summary>File table overflow (C1); not produced: the simulation has no descriptor limit. Spec files and the Linux oracle may name it.</summary>
    ENFILE = 23,
    /// <summary>Too many open files (C1); not produced: the simulation has no descriptor limit. Spec files and the Linux oracle may name it.</summary>
    EMFILE = 24,
    /// <summary>Not a terminal; not produced (illumos answers EINVAL for a terminal ioctl on a non-terminal, M4.4). Kept for the Linux oracle.</summary>
    ENOTTY = 25,
    /// <summary>No space left on device; not produced. Kept so spec files can name it.</summary>
    ENOSPC = 28,
    /// <summary>Read-only file system: creating a /dev/pts name (L8); not produced, the host API has no create call.</summary>
    EROFS = 30,
    /// <summary>Broken pipe; not produced (a pty reports a hang-up instead). Kept so spec files can name it.</summary>
    EPIPE = 32,
    /// <summary>Result too large: ptsname's buffer cannot hold the name and its NUL (C3).</summary>
    ERANGE = 34,
    /// <summary>Not supported: remove, mkdir or symlink in /dev/pts (L8); not produced, the host API has no such calls.</summary>
    ENOSYS = 38,
    /// <summary>Timer expired: an ioctl's answer did not come within strdoioctl's 15 s; I_FLUSH's round trip treats it as done (H6).</summary>
    ETIME = 62,
    /// <summary>Not a data message: a read met an M_PROTO message, which stays queued for getmsg (H7).</summary>
    EBADMSG = 74,
}
