namespace Ptm.Actors.Pty;

/// <summary>The result of one call as the C library would return it: a value, or an errno; Text for ptsname and stat.</summary>
public readonly record struct SysResult(long Value, Errno Errno, string? Text = null)
{
    public bool IsOk => Errno == Errno.None;

    public static SysResult Ok(long value = 0) => new(value, Errno.None);

    public static SysResult OkText(string text) => new(0, Errno.None, text);

    public static SysResult Fail(Errno errno) => new(-1, errno);

    /// <summary>The value, or a PtyException carrying the errno, as a C caller checking for -1 would raise it.</summary>
    public long ValueOrThrow(string operation) => IsOk ? Value : throw new PtyException(Errno, operation);
}
