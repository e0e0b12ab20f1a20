namespace Ptm.Actors.Pty;

/// <summary>The result of one call as the C library would return it: a value, or an errno; Text for ptsname and stat.</summary>
public readonly record struct SysResult(long Value, Errno Errno, string? Text = null)
{
    public bool IsOk => Errno == Errno.None;

    public static SysResult Ok(long value = 0) => new(value, Errno.None);

    public static SysResult OkText(string text) => new(0, Errno.None, text);

    public static SysResult Fail(Errno errno) => new(-1, errno);
}
