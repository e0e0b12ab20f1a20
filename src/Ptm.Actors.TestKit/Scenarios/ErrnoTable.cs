using ActorErrno = Ptm.Actors.Errno;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// The errno names a spec may write and their numbers: exactly the subsystem's own Errno enum,
/// so the language and the system can never disagree on a value. The constants keep tests and
/// fakes readable.
/// </summary>
internal static class ErrnoTable
{
    public const int EPERM = (int)ActorErrno.EPERM, ENOENT = (int)ActorErrno.ENOENT, EINTR = (int)ActorErrno.EINTR,
        EIO = (int)ActorErrno.EIO, ENXIO = (int)ActorErrno.ENXIO, EBADF = (int)ActorErrno.EBADF,
        EAGAIN = (int)ActorErrno.EAGAIN, ENOMEM = (int)ActorErrno.ENOMEM, EACCES = (int)ActorErrno.EACCES,
        EEXIST = (int)ActorErrno.EEXIST, EINVAL = (int)ActorErrno.EINVAL, ENFILE = (int)ActorErrno.ENFILE,
        EMFILE = (int)ActorErrno.EMFILE, ENOTTY = (int)ActorErrno.ENOTTY, ENOSPC = (int)ActorErrno.ENOSPC,
        EROFS = (int)ActorErrno.EROFS, EPIPE = (int)ActorErrno.EPIPE, ERANGE = (int)ActorErrno.ERANGE,
        ENOSYS = (int)ActorErrno.ENOSYS;

    /// <summary>The number of an errno name (upper case, exactly as the enum spells it), or false.</summary>
    public static bool TryParse(string name, out int number)
    {
        number = 0;
        if (name.Length < 2 || name[0] != 'E' || !Enum.TryParse<ActorErrno>(name, ignoreCase: false, out var errno) ||
            errno == ActorErrno.None || !Enum.IsDefined(errno))
            return false;
        number = (int)errno;
        return true;
    }

    /// <summary>The name of an errno number, or "errno N" for one the subsystem does not know.</summary>
    public static string NameOf(int number) =>
        Enum.IsDefined((ActorErrno)number) && number != 0 ? ((ActorErrno)number).ToString() : "errno " + number;
}
