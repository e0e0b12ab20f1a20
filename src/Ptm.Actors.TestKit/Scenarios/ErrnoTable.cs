namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// The errno names a spec may write and their numbers. Linux values for now: the target
/// reports plain numbers and both sides only need to agree on this one table.
/// </summary>
public static class ErrnoTable
{
    public const int EPERM = 1, ENOENT = 2, EINTR = 4, EIO = 5, ENXIO = 6, EBADF = 9,
        EAGAIN = 11, ENOMEM = 12, EACCES = 13, EEXIST = 17, EINVAL = 22, ENFILE = 23,
        EMFILE = 24, ENOTTY = 25, ENOSPC = 28, EROFS = 30, EPIPE = 32, ERANGE = 34, ENOSYS = 38;

    private static readonly (string Name, int Number)[] Table =
    [
        ("EPERM", EPERM), ("ENOENT", ENOENT), ("EINTR", EINTR), ("EIO", EIO), ("ENXIO", ENXIO),
        ("EBADF", EBADF), ("EAGAIN", EAGAIN), ("ENOMEM", ENOMEM), ("EACCES", EACCES),
        ("EEXIST", EEXIST), ("EINVAL", EINVAL), ("ENFILE", ENFILE), ("EMFILE", EMFILE),
        ("ENOTTY", ENOTTY), ("ENOSPC", ENOSPC), ("EROFS", EROFS), ("EPIPE", EPIPE),
        ("ERANGE", ERANGE), ("ENOSYS", ENOSYS),
    ];

    /// <summary>The number of an errno name, or false for a name not in the table.</summary>
    public static bool TryParse(string name, out int number)
    {
        foreach (var (n, value) in Table)
            if (string.Equals(n, name, StringComparison.Ordinal)) { number = value; return true; }
        number = 0;
        return false;
    }

    /// <summary>The name of an errno number, or "errno N" for one not in the table.</summary>
    public static string NameOf(int number)
    {
        foreach (var (n, value) in Table)
            if (value == number) return n;
        return "errno " + number;
    }
}
